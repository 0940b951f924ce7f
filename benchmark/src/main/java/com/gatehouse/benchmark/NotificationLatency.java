package com.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationId;
import com.gatehouse.api.notification.NotificationType;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.Disposable;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static com.gatehouse.benchmark.BenchmarkClient.id;
import static com.gatehouse.benchmark.BenchmarkClient.row;

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

    private BenchmarkClient client;

    @Override
    public void run() throws Exception {
        try (var server = BenchmarkServer.start()) {
            client = new BenchmarkClient(server);
            String platform = client.token(BenchmarkServer.ADMIN_PHONE, BenchmarkServer.ADMIN_PASSWORD);
            UUID society = id(client.post(platform, "/admin/societies", Map.of("name", "Latency", "city", "Pune")));
            UUID flat = id(client.post(platform, "/admin/societies/" + society + "/flats",
                    Map.of("block", "A", "number", "1")));
            String admin = client.user(platform, society, "ADMIN", null, "9300000001");
            JsonNode resident = client.login(client.register(admin, society, "RESIDENT", flat, "9300000002"),
                    BenchmarkClient.PASSWORD);
            String residentToken = resident.get("accessToken").asText();
            UUID residentId = UUID.fromString(resident.get("user").get("id").asText());

            CommandGateway commands = server.context().getBean(CommandGateway.class);

            System.out.println("| path | transport | notifications | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|");
            for (String transport : new String[]{"WebSocket", "TCP"}) {
                var requester = client.connect(transport, residentToken);
                Histogram latency = measure(residentToken, requester, n -> n.get("id").asText(), i -> {
                    String trigger = "bench-" + transport + "-" + i;
                    NotificationId id = NotificationId.of(trigger, new UserId(residentId));
                    commands.sendAndWait(new SendNotification(id, new UserId(residentId), new SocietyId(society),
                            new NotificationContent(NotificationType.SYSTEM, "Benchmark " + i, "Latency probe",
                                    Map.of("i", i), null, null)));
                    return id.toString();
                });
                row(latency, "SendNotification (command gateway)", transport);
                requester.dispose();
            }
            var requester = client.connect("WebSocket", residentToken);
            Histogram announcements = measure(residentToken, requester, n -> n.get("title").asText(), i -> {
                String title = "Announcement " + i + " " + UUID.randomUUID();
                client.post(admin, "/admin/societies/" + society + "/announcements",
                        Map.of("title", title, "message", "Latency probe"));
                return title;
            });
            row(announcements, "announcement POST (HTTP, policy fan-out)", "WebSocket");
            requester.dispose();
            System.out.println();
            System.out.println("One notification at a time; the app marks nothing read. Loopback, embedded PostgreSQL, "
                    + Runtime.getRuntime().availableProcessors() + " CPUs.");
        }
    }

    /** Sends WARM_UP + MEASURED notifications one at a time, each awaited at the app; answers the measured ones. */
    private Histogram measure(String appUser, RSocketRequester app, Function<JsonNode, String> key, Trigger send) throws Exception {
        client.send("PATCH", appUser, "/resident/notifications/read-all", Map.of());
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
}
