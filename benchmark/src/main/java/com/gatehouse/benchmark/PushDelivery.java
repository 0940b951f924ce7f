package com.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationId;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.command.push.PushDrainer;
import com.gatehouse.command.push.PushSettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code push-delivery} (issue 15), with the {@code fcm} provider against a local server that answers like FCM
 * HTTP v1 (and its OAuth2 token endpoint) at once:
 * <ol>
 * <li>notification-to-provider latency: notifications sent at a steady 100/s (dispatched by a ticker to
 * {@value #SENDING_THREADS} sending threads) to a user with one device; timed from the {@code NotificationSent}
 * event's time (carried in the push's data) to the provider receiving the push;</li>
 * <li>drain rate: with the drainer stopped (as while a provider is down), 10,000 notifications are enqueued and
 * every processing group catches up with them (as it does long before a provider comes back); the drainer is
 * started and timed until every row is SENT.</li>
 * </ol>
 */
final class PushDelivery implements Benchmarks.Scenario {

    static final int RATE = 100;
    static final Duration WARMUP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(20);
    static final int BACKLOG = 10_000;
    /** Threads that hand the notifications to the command side (each waits for its command's commit). */
    static final int SENDING_THREADS = 16;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private final AtomicLong received = new AtomicLong();
    private volatile boolean recording;
    private String base;

    @Override
    public void run() throws Exception {
        HttpServer fcm = fakeFcm();
        Path credentials = serviceAccount("http://127.0.0.1:" + fcm.getAddress().getPort() + "/token");
        try (var server = BenchmarkServer.start("gatehouse.push.provider=fcm",
                "gatehouse.push.fcm.project-id=bench",
                "gatehouse.push.fcm.credentials=" + credentials,
                "gatehouse.push.fcm.endpoint=http://127.0.0.1:" + fcm.getAddress().getPort())) {
            base = "http://localhost:" + server.httpPort() + "/api/v1";
            String platform = post(null, "/auth/login", Map.of("phone", BenchmarkServer.ADMIN_PHONE,
                    "password", BenchmarkServer.ADMIN_PASSWORD)).get("accessToken").asText();
            UUID society = id(post(platform, "/admin/societies", Map.of("name", "Push", "city", "Pune")));
            UUID flat = id(post(platform, "/admin/societies/" + society + "/flats", Map.of("block", "A", "number", "1")));
            var body = new HashMap<String, Object>(Map.of("name", "Resident", "phone", "9300000101",
                    "password", "benchmark-pw-1", "role", "RESIDENT", "flatId", flat.toString()));
            post(platform, "/admin/societies/" + society + "/users", body);
            JsonNode resident = post(null, "/auth/login", Map.of("phone", "9300000101", "password", "benchmark-pw-1"));
            UserId user = new UserId(UUID.fromString(resident.get("user").get("id").asText()));
            post(resident.get("accessToken").asText(), "/me/devices", Map.of("platform", "ANDROID", "token", "bench-device"));

            CommandGateway commands = server.context().getBean(CommandGateway.class);
            JdbcTemplate jdbc = server.context().getBean(JdbcTemplate.class);
            PushDrainer drainer = server.context().getBean(PushDrainer.class);
            PushSettings settings = server.context().getBean(PushSettings.class);

            // 1. latency at a steady rate: the ticker only dispatches (the command bus handles a command on the
            // sending thread, so a ticker that sent itself would offer one notification at a time, as slowly as the
            // command side answers, instead of the rate)
            var ticker = Executors.newSingleThreadScheduledExecutor();
            var dispatch = Executors.newFixedThreadPool(SENDING_THREADS);
            AtomicLong sent = new AtomicLong();
            AtomicLong handled = new AtomicLong();
            var run = ticker.scheduleAtFixedRate(() -> dispatch.execute(() -> {
                commands.sendAndWait(notification("rate-" + sent.incrementAndGet(), user, society));
                handled.incrementAndGet();
            }), 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
            Thread.sleep(WARMUP.toMillis());
            recording = true;
            long before = received.get();
            long handledBefore = handled.get();
            Thread.sleep(MEASURE.toMillis());
            recording = false;
            long measured = received.get() - before;
            long handledWhileMeasuring = handled.get() - handledBefore;
            run.cancel(false);
            ticker.shutdown();
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.println("| measure | value |");
            System.out.println("|---|---:|");
            System.out.printf("| notifications/s offered | %d |%n", RATE);
            System.out.printf("| notifications handled by the command side while measuring (%d s) | %d |%n",
                    MEASURE.toSeconds(), handledWhileMeasuring);
            System.out.printf("| pushes received while measuring (%d s) | %d |%n", MEASURE.toSeconds(), measured);
            System.out.printf("| event -> provider p50 ms | %.1f |%n", latency.getValueAtPercentile(50) / 1e3);
            System.out.printf("| event -> provider p90 ms | %.1f |%n", latency.getValueAtPercentile(90) / 1e3);
            System.out.printf("| event -> provider p99 ms | %.1f |%n", latency.getValueAtPercentile(99) / 1e3);
            System.out.printf("| event -> provider max ms | %.1f |%n", latency.getMaxValue() / 1e3);

            // 2. drain a backlog
            Thread.sleep(2_000);
            drainer.stop();
            var backlog = new java.util.ArrayList<java.util.concurrent.Future<?>>(BACKLOG);
            for (int i = 0; i < BACKLOG; i++) {
                String trigger = "backlog-" + i;
                backlog.add(dispatch.submit(() -> commands.sendAndWait(notification(trigger, user, society))));
            }
            for (var notification : backlog) {
                notification.get();
            }
            dispatch.shutdown();
            long pending;
            while ((pending = count(jdbc, "PENDING")) < BACKLOG) {
                Thread.sleep(100);
            }
            long caughtUpAfter = awaitCaughtUp(server);
            System.out.printf("| processing groups caught up with the backlog after s | %.1f |%n", caughtUpAfter / 1e3);
            long sentBefore = count(jdbc, "SENT");
            long start = System.nanoTime();
            drainer.start();
            while (count(jdbc, "SENT") - sentBefore < pending) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("| backlog drained | %d |%n", pending);
            System.out.printf("| drain time s | %.2f |%n", seconds);
            System.out.printf("| drain rate pushes/s | %.0f |%n", pending / seconds);
            System.out.println();
            System.out.printf("Loopback, embedded PostgreSQL, %d CPUs, load average %.1f at the end of part 1 and "
                            + "%.1f at the end; gatehouse.push.senders=%d, batch-size=%d.%n",
                    Runtime.getRuntime().availableProcessors(), load,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), settings.senders(),
                    settings.batchSize());
        } finally {
            fcm.stop(0);
        }
    }

    private static long count(JdbcTemplate jdbc, String status) {
        Long n = jdbc.queryForObject("select count(*) from push_outbox where status = ?", Long.class, status);
        return n == null ? 0 : n;
    }

    private static SendNotification notification(String trigger, UserId user, UUID society) {
        return new SendNotification(NotificationId.of(trigger, user), user, new SocietyId(society),
                new NotificationContent(NotificationType.SYSTEM, "Benchmark", trigger, Map.of(), null, null));
    }

    private HttpServer fakeFcm() throws IOException {
        // the JDK's HTTP server writes an answer's headers and body in two packets and, without TCP_NODELAY, Nagle
        // holds the second until the client's delayed ACK (~40 ms): 32 senders then get no more than ~500 answers/s
        // from it, whatever the drainer does (measured: 478/s without, 2,335/s with, same 32 threads). Real FCM does
        // not answer that way. Read once, when the JDK's server is first used, so set before the server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(48));
        server.createContext("/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, "{\"access_token\":\"bench\",\"expires_in\":3600}");
        });
        server.createContext("/v1/projects/", exchange -> {
            Instant now = Instant.now();
            JsonNode message = json.readTree(exchange.getRequestBody().readAllBytes()).path("message");
            answer(exchange, "{\"name\":\"projects/bench/messages/1\"}");
            received.incrementAndGet();
            if (recording) {
                Instant sentAt = Instant.parse(message.path("data").path("sentAt").asText());
                synchronized (latency) {
                    latency.recordValue(Math.max(0, Duration.between(sentAt, now).toNanos() / 1_000));
                }
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Path serviceAccount(String tokenUri) throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        var key = rsa.generateKeyPair().getPrivate();
        Path file = Files.createTempFile("bench-service-account", ".json");
        Files.writeString(file, json.writeValueAsString(Map.of("type", "service_account", "project_id", "bench",
                "private_key", "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                        + "\n-----END PRIVATE KEY-----\n",
                "client_email", "bench@bench.iam.gserviceaccount.com", "token_uri", tokenUri)));
        return file;
    }

    private JsonNode post(String token, String path, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return json.readTree(response.body());
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }

    /**
     * Waits until every processing group is done with the backlog: each segment at the event store's head, or not
     * moving for a second (a group that takes none of these events is left where it was); answers the ms waited.
     */
    private static long awaitCaughtUp(BenchmarkServer server) throws InterruptedException {
        long start = System.currentTimeMillis();
        var store = server.context().getBean(EventStore.class);
        var processing = server.context().getBean(EventProcessingConfiguration.class);
        long head = store.createHeadToken().position().orElse(0);
        Map<String, Long> before = new HashMap<>();
        while (true) {
            Thread.sleep(1_000);
            Map<String, Long> now = new HashMap<>();
            boolean done = true;
            for (var processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming) {
                    streaming.processingStatus().forEach((segment, status) -> {
                        now.put(processor.getName() + "/" + segment, status.getCurrentPosition().orElse(-1));
                    });
                }
            }
            for (var segment : now.entrySet()) {
                if (segment.getValue() < head && !segment.getValue().equals(before.get(segment.getKey()))) {
                    done = false;
                }
            }
            if (done) {
                return System.currentTimeMillis() - start;
            }
            before = now;
        }
    }
}
