package com.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsocket.metadata.WellKnownMimeType;
import org.HdrHistogram.Histogram;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeTypeUtils;
import reactor.core.Disposable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code sos-latency}: a resident raises an SOS over HTTP; the time from sending the POST to the frame arriving
 * at each of {@value #WATCHERS} connected guards and admins on {@code emergencies.stream} (half over WebSocket,
 * half over TCP), one SOS at a time (latency, not queueing), measured in this JVM with one clock. Each SOS is
 * answered by a guard once every watcher has it, so nothing escalates and the next one starts from quiet.
 * Printed: every frame's latency, and the latency of the last of the {@value #WATCHERS} frames of each SOS.
 */
final class SosLatency implements Benchmarks.Scenario {

    static final int WATCHERS = 50;
    static final int WARM_UP = 20;
    static final int MEASURED = 200;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @Override
    public void run() throws Exception {
        try (var server = BenchmarkServer.start("gatehouse.emergency.escalate-after=PT1H")) {
            base = "http://localhost:" + server.httpPort() + "/api/v1";
            String platform = login(BenchmarkServer.ADMIN_PHONE, BenchmarkServer.ADMIN_PASSWORD);
            UUID society = id(post(platform, "/admin/societies", Map.of("name", "SOS", "city", "Pune")));
            UUID flat = id(post(platform, "/admin/societies/" + society + "/flats", Map.of("block", "A", "number", "1")));
            String admin = user(platform, society, "ADMIN", null, "9400000000");
            String resident = user(admin, society, "RESIDENT", flat, "9400000001");
            List<String> watchers = new ArrayList<>(List.of(admin));
            for (int i = 1; i < WATCHERS; i++) {
                watchers.add(user(admin, society, i % 2 == 0 ? "ADMIN" : "GUARD", null, "94000001" + String.format("%02d", i)));
            }
            String responder = watchers.get(1);

            var strategies = RSocketStrategies.builder()
                    .encoders(e -> {
                        e.add(new Jackson2JsonEncoder());
                        e.add(new BearerTokenAuthenticationEncoder());
                    })
                    .decoders(d -> d.add(new Jackson2JsonDecoder()))
                    .build();
            // per SOS (by its description): the frame arrival times at the watchers
            Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
            Map<String, CountDownLatch> complete = new ConcurrentHashMap<>();
            List<RSocketRequester> connections = new ArrayList<>();
            List<Disposable> streams = new ArrayList<>();
            for (int i = 0; i < WATCHERS; i++) {
                var requester = connect(strategies, i % 2 == 0 ? "WebSocket" : "TCP", server, watchers.get(i));
                connections.add(requester);
                streams.add(requester.route("emergencies.stream").retrieveFlux(JsonNode.class).subscribe(frame -> {
                    if (frame.path("respondedById").isNull() && frame.path("escalationCount").asInt() == 0) {
                        long now = System.nanoTime();
                        String probe = frame.path("description").asText();
                        arrivals.computeIfAbsent(probe, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(now);
                        complete.computeIfAbsent(probe, k -> new CountDownLatch(WATCHERS)).countDown();
                    }
                }));
            }
            Thread.sleep(2_000); // let every stream open (their initial state is empty)

            var frames = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
            var lastOfEach = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                String probe = "probe " + i + " " + UUID.randomUUID();
                var done = complete.computeIfAbsent(probe, k -> new CountDownLatch(WATCHERS));
                long sentAt = System.nanoTime();
                var answer = sendAsync("POST", resident, "/community/emergencies",
                        Map.of("type", "MEDICAL", "description", probe));
                if (!done.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Only " + (WATCHERS - done.getCount()) + " of " + WATCHERS
                            + " watchers got SOS " + i + " within 30 s");
                }
                String emergency = json.readTree(answer.get(30, TimeUnit.SECONDS).body()).get("id").asText();
                if (i >= WARM_UP) {
                    long last = 0;
                    for (long arrivedAt : arrivals.get(probe)) {
                        frames.recordValue(arrivedAt - sentAt);
                        last = Math.max(last, arrivedAt - sentAt);
                    }
                    lastOfEach.recordValue(last);
                }
                arrivals.remove(probe);
                complete.remove(probe);
                send("PATCH", responder, "/community/emergencies/" + emergency + "/respond", Map.of());
            }
            streams.forEach(Disposable::dispose);
            connections.forEach(RSocketRequester::dispose);

            System.out.println("| measure | SOS | frames | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            row("POST -> frame at each guard/admin", MEASURED, frames);
            row("POST -> frame at the last of " + WATCHERS, MEASURED, lastOfEach);
            System.out.println();
            System.out.println(WATCHERS + " guards and admins connected (half WebSocket, half TCP), one SOS at a time, "
                    + WARM_UP + " warm-up SOS not counted. Loopback, embedded PostgreSQL, "
                    + Runtime.getRuntime().availableProcessors() + " CPUs.");
        }
    }

    private static void row(String measure, int sos, Histogram h) {
        System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", measure, sos, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
    }

    private static RSocketRequester connect(RSocketStrategies strategies, String transport, BenchmarkServer server,
                                            String token) {
        var builder = RSocketRequester.builder().rsocketStrategies(strategies)
                .dataMimeType(MimeTypeUtils.APPLICATION_JSON)
                .setupMetadata(new BearerTokenMetadata(token),
                        MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString()));
        return transport.equals("TCP")
                ? builder.tcp("localhost", server.rsocketTcpPort())
                : builder.websocket(URI.create("ws://localhost:" + server.httpPort() + "/rsocket"));
    }

    private String user(String by, UUID society, String role, UUID flat, String phone) throws Exception {
        var body = new HashMap<String, Object>(Map.of("name", role + " " + phone, "phone", phone,
                "password", "benchmark-pw-1", "role", role));
        if (flat != null) {
            body.put("flatId", flat.toString());
        }
        post(by, "/admin/societies/" + society + "/users", body);
        return login(phone, "benchmark-pw-1");
    }

    private String login(String phone, String password) throws Exception {
        return post(null, "/auth/login", Map.of("phone", phone, "password", password)).get("accessToken").asText();
    }

    private JsonNode post(String token, String path, Object body) throws Exception {
        return send("POST", token, path, body);
    }

    private HttpRequest request(String method, String token, String path, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> sendAsync(String method, String token,
                                                                                    String path, Object body)
            throws Exception {
        return http.sendAsync(request(method, token, path, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode send(String method, String token, String path, Object body) throws Exception {
        HttpResponse<byte[]> response = http.send(request(method, token, path, body),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return json.readTree(response.body());
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }
}
