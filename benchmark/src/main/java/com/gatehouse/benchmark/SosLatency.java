package com.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.Disposable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.gatehouse.benchmark.BenchmarkClient.id;
import static com.gatehouse.benchmark.BenchmarkClient.row;

/**
 * {@code sos-latency}: a resident raises an SOS over HTTP; the time from sending the POST to the frame arriving
 * at each of {@value #WATCHERS} connected guards and admins on {@code emergencies.stream} (half over WebSocket,
 * half over TCP), measured in this JVM with one clock. Each SOS is answered by a guard once every watcher has it,
 * so nothing escalates. Two rounds, both printed:
 * <ul>
 *   <li><b>one second apart</b> ({@value #MEASURED} SOS, {@value #GAP_MS} ms after the previous one was answered): an
 *   SOS finds the system as a society's gate does, its previous SOS done, including the {@value #WATCHERS}
 *   EMERGENCY_ALERT notifications each one makes; the goal (p99 &lt;= 100 ms) is about this one;</li>
 *   <li><b>back to back</b> ({@value #MEASURED} SOS): the next SOS is raised the moment the previous one was answered,
 *   while its notifications are still being made: a stress far beyond any society's, where the tail shows the
 *   queueing behind them.</li>
 * </ul>
 * Printed per round: every frame's latency, and the latency of the last of the {@value #WATCHERS} frames of each SOS.
 */
final class SosLatency implements Benchmarks.Scenario {

    static final int WATCHERS = 50;
    static final int WARM_UP = 20;
    static final int MEASURED = 200;
    static final long GAP_MS = 1_000;


    @Override
    public void run() throws Exception {
        try (var server = BenchmarkServer.start("gatehouse.emergency.escalate-after=PT1H")) {
            var client = new BenchmarkClient(server);
            String platform = client.token(BenchmarkServer.ADMIN_PHONE, BenchmarkServer.ADMIN_PASSWORD);
            UUID society = id(client.post(platform, "/admin/societies", Map.of("name", "SOS", "city", "Pune")));
            UUID flat = id(client.post(platform, "/admin/societies/" + society + "/flats", Map.of("block", "A", "number", "1")));
            String admin = client.user(platform, society, "ADMIN", null, "9400000000");
            String resident = client.user(admin, society, "RESIDENT", flat, "9400000001");
            List<String> watchers = new ArrayList<>(List.of(admin));
            for (int i = 1; i < WATCHERS; i++) {
                watchers.add(client.user(admin, society, i % 2 == 0 ? "ADMIN" : "GUARD", null, "94000001" + String.format("%02d", i)));
            }
            String responder = watchers.get(1);

            // per SOS (by its description): the frame arrival times at the watchers
            Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
            Map<String, CountDownLatch> complete = new ConcurrentHashMap<>();
            List<RSocketRequester> connections = new ArrayList<>();
            List<Disposable> streams = new ArrayList<>();
            for (int i = 0; i < WATCHERS; i++) {
                var requester = client.connect(i % 2 == 0 ? "WebSocket" : "TCP", watchers.get(i));
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

            System.out.println("| measure | SOS | frames | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (long gap : new long[]{GAP_MS, 0}) {
                var frames = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
                var lastOfEach = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
                for (int i = 0; i < WARM_UP + MEASURED; i++) {
                    String probe = "probe " + gap + " " + i + " " + UUID.randomUUID();
                    var done = complete.computeIfAbsent(probe, k -> new CountDownLatch(WATCHERS));
                    long sentAt = System.nanoTime();
                    var answer = client.sendAsync("POST", resident, "/community/emergencies",
                            Map.of("type", "MEDICAL", "description", probe));
                    if (!done.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("Only " + (WATCHERS - done.getCount()) + " of " + WATCHERS
                                + " watchers got SOS " + i + " within 30 s");
                    }
                    String emergency = client.json(answer.get(30, TimeUnit.SECONDS).body()).get("id").asText();
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
                    client.send("PATCH", responder, "/community/emergencies/" + emergency + "/respond", Map.of());
                    Thread.sleep(gap);
                }
                String round = gap == 0 ? "back to back" : gap / 1000 + " s apart";
                row(frames, "POST -> frame at each guard/admin, " + round, MEASURED);
                row(lastOfEach, "POST -> frame at the last of " + WATCHERS + ", " + round, MEASURED);
            }
            streams.forEach(Disposable::dispose);
            connections.forEach(RSocketRequester::dispose);

            System.out.println();
            System.out.println(WATCHERS + " guards and admins connected (half WebSocket, half TCP), one SOS at a time, "
                    + WARM_UP + " warm-up SOS per round not counted. Loopback, embedded PostgreSQL, "
                    + Runtime.getRuntime().availableProcessors() + " CPUs.");
        }
    }
}
