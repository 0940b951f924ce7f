package com.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationId;
import com.gatehouse.api.notification.NotificationType;
import io.rsocket.metadata.WellKnownMimeType;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code notification-latency}: the time from sending a notification to its frame arriving at a
 * connected app on {@code notifications.stream}, one notification at a time (so it is latency, not
 * queueing), measured in this JVM with one clock.
 * <ul>
 *     <li>"SendNotification": the command other contexts' policies send (through {@code Notifications}),
 *     dispatched on the Axon command gateway; timed from dispatch to the frame.</li>
 *     <li>"announcement POST": the admin's HTTP request; the policy fans it out to every member, the
 *     resident's frame is timed from the request.</li>
 * </ul>
 */
final class NotificationLatency implements Benchmarks.Scenario {

    static final int WARM_UP = 100;
    static final int MEASURED = 1_000;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @Override
    public void run() throws Exception {
        try (var server = BenchmarkServer.start()) {
            base = "http://localhost:" + server.httpPort() + "/api/v1";
            String platform = login(BenchmarkServer.ADMIN_PHONE, BenchmarkServer.ADMIN_PASSWORD).get("accessToken").asText();
            UUID society = id(post(platform, "/admin/societies", Map.of("name", "Latency", "city", "Pune")));
            UUID flat = id(post(platform, "/admin/societies/" + society + "/flats", Map.of("block", "A", "number", "1")));
            String admin = user(platform, society, "ADMIN", null, "9300000001");
            JsonNode resident = login(registered(admin, society, "RESIDENT", flat, "9300000002"), "benchmark-pw-1");
            String residentToken = resident.get("accessToken").asText();
            UUID residentId = UUID.fromString(resident.get("user").get("id").asText());

            var strategies = RSocketStrategies.builder()
                    .encoders(e -> {
                        e.add(new Jackson2JsonEncoder());
                        e.add(new BearerTokenAuthenticationEncoder());
                    })
                    .decoders(d -> d.add(new Jackson2JsonDecoder()))
                    .build();
            CommandGateway commands = server.context().getBean(CommandGateway.class);

            System.out.println("| path | transport | notifications | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|");
            for (String transport : new String[]{"WebSocket", "TCP"}) {
                var requester = connect(strategies, transport, server, residentToken);
                Histogram latency = measure(residentToken, requester, n -> n.get("id").asText(), i -> {
                    String trigger = "bench-" + transport + "-" + i;
                    NotificationId id = NotificationId.of(trigger, new UserId(residentId));
                    commands.sendAndWait(new SendNotification(id, new UserId(residentId), new SocietyId(society),
                            new NotificationContent(NotificationType.SYSTEM, "Benchmark " + i, "Latency probe",
                                    Map.of("i", i), null, null)));
                    return id.toString();
                });
                row("SendNotification (command gateway)", transport, latency);
                requester.dispose();
            }
            var requester = connect(strategies, "WebSocket", server, residentToken);
            Histogram announcements = measure(residentToken, requester, n -> n.get("title").asText(), i -> {
                String title = "Announcement " + i + " " + UUID.randomUUID();
                post(admin, "/admin/societies/" + society + "/announcements",
                        Map.of("title", title, "message", "Latency probe"));
                return title;
            });
            row("announcement POST (HTTP, policy fan-out)", "WebSocket", announcements);
            requester.dispose();
            System.out.println();
            System.out.println("One notification at a time; the app marks nothing read. Loopback, embedded PostgreSQL, "
                    + Runtime.getRuntime().availableProcessors() + " CPUs.");
        }
    }

    /** Sends WARM_UP + MEASURED notifications one at a time, each awaited at the app; answers the measured ones. */
    private Histogram measure(String appUser, RSocketRequester app, Function<JsonNode, String> key, Trigger send) throws Exception {
        send("PATCH", appUser, "/resident/notifications/read-all", Map.of());
        Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
        Disposable stream = app.route("notifications.stream").data(Map.of()).retrieveFlux(JsonNode.class)
                .subscribe(n -> arrivals.computeIfAbsent(key.apply(n), k -> new CompletableFuture<>())
                        .complete(System.nanoTime()));
        Thread.sleep(500); // let the stream open (its stored part is empty: earlier runs' probes were read)
        var histogram = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        try {
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long sentAt = System.nanoTime();
                String sent = send.send(i);
                long arrivedAt = arrivals.computeIfAbsent(sent, k -> new CompletableFuture<>()).get(30, TimeUnit.SECONDS);
                arrivals.remove(sent);
                if (i >= WARM_UP) {
                    histogram.recordValue(arrivedAt - sentAt);
                }
            }
        } finally {
            stream.dispose();
        }
        return histogram;
    }

    @FunctionalInterface
    private interface Trigger {
        String send(int i) throws Exception;
    }

    private static void row(String path, String transport, Histogram h) {
        System.out.printf("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |%n", path, transport, h.getTotalCount(),
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
        return login(registered(by, society, role, flat, phone), "benchmark-pw-1").get("accessToken").asText();
    }

    private String registered(String by, UUID society, String role, UUID flat, String phone) throws Exception {
        var body = new java.util.HashMap<String, Object>(Map.of("name", role + " " + phone, "phone", phone,
                "password", "benchmark-pw-1", "role", role));
        if (flat != null) {
            body.put("flatId", flat.toString());
        }
        post(by, "/admin/societies/" + society + "/users", body);
        return phone;
    }

    private JsonNode login(String phone, String password) throws Exception {
        return post(null, "/auth/login", Map.of("phone", phone, "password", password));
    }

    private JsonNode post(String token, String path, Object body) throws Exception {
        return send("POST", token, path, body);
    }

    private JsonNode send(String method, String token, String path, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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
