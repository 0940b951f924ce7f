package com.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.SocietyCommand.AddFlat;
import com.gatehouse.api.directory.SocietyCommand.CreateSociety;
import com.gatehouse.api.directory.UserCommand.RegisterUser;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.directory.Passwords;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.server.embedded.EmbeddedDatabase;
import com.gatehouse.server.security.TokenIssuer;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.Disposable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 5's figures, against the embedded default over loopback:
 * <ol>
 * <li>raise+approve pairs per second (two REST calls, each answering once the read model shows the change) at
 * 1, 16 and 64 concurrent clients, next to raw JDBC INSERT+COMMIT of a row like {@code entry_request} on the same
 * PostgreSQL at the same concurrency;</li>
 * <li>time from a guard's raise (request sent) to the frame at each resident of the flat on
 * {@code gate.requests.stream} (RSocket over WebSocket), at a steady 200 raises/s with 500 residents connected;</li>
 * <li>expiry lateness with 10,000 pending requests due at the same instant.</li>
 * </ol>
 * Setup that is not measured (societies, flats, users, tokens) goes in-process through the command side and the
 * token issuer, so no time is spent on bcrypt. For part 3 the 10,000 requests are raised over HTTP with the normal
 * expiry and their deadlines are then moved to one instant T in {@code scheduled_tasks} (db-scheduler's table):
 * the only way to make 10,000 requests come due together without raising them in the same millisecond.
 */
public final class EntryRequests implements Benchmarks.Scenario {

    static final int[] CONCURRENCY = {1, 16, 64};
    static final Duration PAIR_WARMUP = Duration.ofSeconds(2);
    static final Duration PAIR_MEASURE = Duration.ofSeconds(8);
    static final Duration RAW_WARMUP = Duration.ofSeconds(1);
    static final Duration RAW_MEASURE = Duration.ofSeconds(5);
    static final int FLATS = 250;
    static final int RESIDENTS_PER_FLAT = 2;
    /** Raises per second in part 2 (-Dentry.rate=... to find where the knee is). */
    static final int RATE = Integer.getInteger("entry.rate", 200);
    static final Duration LATENCY_WARMUP = Duration.ofSeconds(5);
    static final Duration LATENCY_MEASURE = Duration.ofSeconds(20);
    static final int PENDING = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public void run() throws Exception {
        // -Dentry.parts=1,3 runs a subset; -Dentry.settings=a=b,c=d starts the servers with extra settings;
        // -Dentry.sql="alter system set synchronous_commit = off; select pg_reload_conf()" is run on each server's
        // PostgreSQL first (a diagnostic: how much of a figure is waiting for the disk)
        Set<String> parts = Set.of(System.getProperty("entry.parts", "1,2,3").split(","));
        String[] settings = System.getProperty("entry.settings", "").isBlank() ? new String[0]
                : System.getProperty("entry.settings").split(",");
        var table = new StringBuilder();
        String setting = "";
        if (parts.contains("1") || parts.contains("2")) {
            try (var server = BenchmarkServer.start(settings)) {
                diagnosticSql(server);
                var world = World.build(server, FLATS, RESIDENTS_PER_FLAT);
                setting = describe(server);
                if (parts.contains("1")) {
                    throughput(server, world, table);
                }
                if (parts.contains("2")) {
                    latency(server, world, table);
                }
            }
        }
        if (parts.contains("3")) {
            try (var server = BenchmarkServer.start(settings)) {
                diagnosticSql(server);
                var world = World.build(server, 100, 0);
                setting = describe(server);
                expiry(server, world, table);
            }
        }
        System.out.println(table);
        System.out.printf("(%d cores, JDK %s, embedded PostgreSQL 17 with fsync on, clients in the same JVM as the server; %s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), setting);
    }

    private static void diagnosticSql(BenchmarkServer server) throws Exception {
        String sql = System.getProperty("entry.sql", "");
        if (sql.isBlank()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server.context().getBean(EmbeddedDatabase.class).jdbcUrl(),
                "postgres", "postgres")) {
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    c.createStatement().execute(statement);
                }
            }
        }
        System.err.println("diagnostic SQL applied: " + sql);
    }

    private static String describe(BenchmarkServer server) {
        var env = server.context().getEnvironment();
        return "Hikari pool " + env.getProperty("spring.datasource.hikari.maximum-pool-size", "10")
                + ", db-scheduler threads " + env.getProperty("db-scheduler.threads", "10")
                + ", polling " + env.getProperty("db-scheduler.polling-strategy", "fetch");
    }

    // ---------------------------------------------------------------------------------------------- part 1

    private void throughput(BenchmarkServer server, World world, StringBuilder table) throws Exception {
        table.append("| 1. raise+approve (REST) vs raw JDBC INSERT+COMMIT | clients | pairs/s | raw inserts/s | ratio | p50 pair ms | p99 pair ms | goal |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        String jdbcUrl = server.context().getBean(EmbeddedDatabase.class).jdbcUrl();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            c.createStatement().execute("""
                    create table if not exists bench_raw_request (
                        id uuid primary key, society_id uuid not null, flat_id uuid not null, type text not null,
                        status text not null, visitor_name text, visitor_phone text, provider_tag text, photo_key text,
                        guard_id uuid not null, expires_at timestamptz not null, created_at timestamptz not null,
                        version bigint not null)""");
        }
        for (int clients : CONCURRENCY) {
            var pairs = pairs(server, world, clients);
            double raw = rawInserts(jdbcUrl, world, clients);
            table.append(String.format("| | %d | %,.0f | %,.0f | %.3f | %.1f | %.1f | ratio >= 0.5 |%n", clients, pairs.perSecond,
                    raw, pairs.perSecond / raw, pairs.latency.getValueAtPercentile(50) / 1000.0,
                    pairs.latency.getValueAtPercentile(99) / 1000.0));
            System.err.printf("part 1: %d clients: %.0f pairs/s (%d errors), raw %.0f/s%n", clients, pairs.perSecond,
                    pairs.errors, raw);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            c.createStatement().execute("drop table bench_raw_request");
        }
    }

    record Rate(double perSecond, Histogram latency, long errors) {
    }

    Rate pairs(BenchmarkServer server, World world, int clients) throws Exception {
        var done = new LongAdder();
        var errors = new LongAdder();
        var histogram = new Histogram(60_000_000L, 3);
        long start = System.nanoTime();
        long measureFrom = start + PAIR_WARMUP.toNanos();
        long stopAt = measureFrom + PAIR_MEASURE.toNanos();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < clients; i++) {
            int flat = i % world.flats.size();
            Thread t = new Thread(() -> {
                while (System.nanoTime() < stopAt) {
                    long t0 = System.nanoTime();
                    try {
                        JsonNode raised = send(server, "POST", "/gate/requests", world.guardToken,
                                Map.of("type", "DELIVERY", "flatId", world.flats.get(flat).toString(),
                                        "providerTag", "SWIGGY", "visitorName", "Rider"), 201);
                        send(server, "PATCH", "/gate/requests/" + raised.get("id").asText() + "/approve",
                                world.residentTokens.get(flat).get(0), Map.of(), 200);
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= stopAt) {
                            done.increment();
                            synchronized (histogram) {
                                histogram.recordValue((t1 - t0) / 1000);
                            }
                        }
                    } catch (Exception e) {
                        errors.increment();
                    }
                }
            }, "pair-client-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Rate(done.sum() / (PAIR_MEASURE.toNanos() / 1e9), histogram, errors.sum());
    }

    private double rawInserts(String jdbcUrl, World world, int clients) throws Exception {
        var done = new LongAdder();
        long start = System.nanoTime();
        long measureFrom = start + RAW_WARMUP.toNanos();
        long stopAt = measureFrom + RAW_MEASURE.toNanos();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < clients; i++) {
            int flat = i % world.flats.size();
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                     PreparedStatement insert = c.prepareStatement("""
                             insert into bench_raw_request (id, society_id, flat_id, type, status, visitor_name,
                                 visitor_phone, provider_tag, photo_key, guard_id, expires_at, created_at, version)
                             values (?, ?, ?, 'DELIVERY', 'PENDING', 'Rider', null, 'SWIGGY', null, ?, ?, ?, 0)""")) {
                    c.setAutoCommit(true); // one COMMIT per row
                    while (System.nanoTime() < stopAt) {
                        long t0 = System.nanoTime();
                        Instant now = Instant.now();
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, world.society);
                        insert.setObject(3, world.flats.get(flat));
                        insert.setObject(4, world.guard);
                        insert.setTimestamp(5, Timestamp.from(now.plusSeconds(900)));
                        insert.setTimestamp(6, Timestamp.from(now));
                        insert.executeUpdate();
                        if (t0 >= measureFrom && System.nanoTime() <= stopAt) {
                            done.increment();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "raw-client-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return done.sum() / (RAW_MEASURE.toNanos() / 1e9);
    }

    // ---------------------------------------------------------------------------------------------- part 2

    private void latency(BenchmarkServer server, World world, StringBuilder table) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        var frames = new Histogram(60_000_000L, 3);
        var responses = new Histogram(60_000_000L, 3);
        Set<Integer> receiving = ConcurrentHashMap.newKeySet();
        var requesters = new ArrayList<RSocketRequester>();
        var subscriptions = new ArrayList<Disposable>();
        var client = new BenchmarkClient(server);
        int residentNo = 0;
        for (int flat = 0; flat < world.flats.size(); flat++) {
            for (String token : world.residentTokens.get(flat)) {
                int me = residentNo++;
                var requester = client.connect("WebSocket", token);
                requesters.add(requester);
                subscriptions.add(requester.route("gate.requests.stream").retrieveFlux(JsonNode.class).subscribe(frame -> {
                    long now = System.nanoTime();
                    receiving.add(me);
                    Long t0 = sentAt.get(frame.path("visitorName").asText());
                    if (t0 != null && "PENDING".equals(frame.path("status").asText())) {
                        synchronized (frames) {
                            frames.recordValue((now - t0) / 1000);
                        }
                    }
                }, error -> System.err.println("resident " + me + " stream failed: " + error)));
            }
        }
        int connected = residentNo;
        Thread.sleep(3_000);

        var sent = new AtomicLong();
        var failed = new AtomicLong();
        var inFlight = new AtomicInteger();
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        var measured = new java.util.concurrent.atomic.AtomicLong();
        long periodNanos = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        long measureFrom = start + LATENCY_WARMUP.toNanos();
        long stopAt = measureFrom + LATENCY_MEASURE.toNanos();
        var finished = new CountDownLatch(1);
        // how far the server falls behind: raises not yet answered, sampled every 100 ms
        var maxInFlight = new AtomicInteger();
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            maxInFlight.accumulateAndGet(inFlight.get(), Math::max);
        }, 100, 100, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= stopAt) {
                finished.countDown();
                return;
            }
            long seq = sent.incrementAndGet();
            String name = "lat-" + seq;
            int flat = (int) (seq % world.flats.size());
            boolean counted = now >= measureFrom;
            if (counted) {
                measured.incrementAndGet();
                sentAt.put(name, now); // only measured raises are timed at the residents
            }
            inFlight.incrementAndGet();
            HTTP.sendAsync(request(server, "POST", "/gate/requests", world.guardToken,
                            Map.of("type", "VISITOR", "flatId", world.flats.get(flat).toString(), "visitorName", name)),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                if (error != null || response.statusCode() != 201) {
                    failed.incrementAndGet();
                } else if (counted) {
                    synchronized (responses) {
                        responses.recordValue((System.nanoTime() - now) / 1000);
                    }
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        finished.await();
        scheduler.shutdownNow();
        long drainUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < drainUntil
                && (inFlight.get() > 0 || frames.getTotalCount() < measured.get() * RESIDENTS_PER_FLAT)) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        sampler.shutdownNow();
        double achievedRate = measured.get() / (LATENCY_MEASURE.toNanos() / 1e9);
        table.append("\n| 2. raise -> frame at each resident of the flat | residents connected | raises/s | frames | p50 ms | p99 ms | max ms | goal |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        table.append(String.format("| RSocket `gate.requests.stream` (WebSocket) | %d (%d received frames) | %.0f | %,d of %,d | %.1f | %.1f | %.1f | p99 <= 100 ms |%n",
                connected, receiving.size(), achievedRate, frames.getTotalCount(), measured.get() * RESIDENTS_PER_FLAT,
                frames.getValueAtPercentile(50) / 1000.0, frames.getValueAtPercentile(99) / 1000.0, frames.getMaxValue() / 1000.0));
        table.append(String.format("| (the guard's HTTP answer to the same raises) | | | %,d (%d failed) | %.1f | %.1f | %.1f | |%n",
                responses.getTotalCount(), failed.get(), responses.getValueAtPercentile(50) / 1000.0,
                responses.getValueAtPercentile(99) / 1000.0, responses.getMaxValue() / 1000.0));
        table.append(String.format("| (backlog: most raises unanswered at once) | | | %,d | | | | |%n",
                maxInFlight.get()));
        System.err.printf("part 2: %d raises sent, %d failed, %d frames measured%n", sent.get(), failed.get(),
                frames.getTotalCount());
        subscriptions.forEach(Disposable::dispose);
        requesters.forEach(RSocketRequester::dispose);
    }

    // ---------------------------------------------------------------------------------------------- part 3

    private void expiry(BenchmarkServer server, World world, StringBuilder table) throws Exception {
        // raise 10,000 requests (normal 15-minute expiry) with 32 clients
        var ids = ConcurrentHashMap.<String>newKeySet();
        var next = new AtomicInteger();
        long raiseStart = System.nanoTime();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 32; i++) {
            Thread t = new Thread(() -> {
                int n;
                while ((n = next.getAndIncrement()) < PENDING) {
                    try {
                        ids.add(send(server, "POST", "/gate/requests", world.guardToken,
                                Map.of("type", "DELIVERY", "flatId", world.flats.get(n % world.flats.size()).toString()),
                                201).get("id").asText());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double raiseSeconds = (System.nanoTime() - raiseStart) / 1e9;

        // the guard watches; every EXPIRED frame is timed on arrival
        Map<String, Instant> expiredSeen = new ConcurrentHashMap<>();
        var requester = new BenchmarkClient(server).connect("WebSocket", world.guardToken);
        var stream = requester.route("gate.requests.stream").retrieveFlux(JsonNode.class).subscribe(frame -> {
            if ("EXPIRED".equals(frame.path("status").asText())) {
                expiredSeen.putIfAbsent(frame.path("id").asText(), Instant.now());
            }
        }, error -> System.err.println("guard stream failed: " + error));
        Thread.sleep(2_000);

        String jdbcUrl = server.context().getBean(EmbeddedDatabase.class).jdbcUrl();
        Instant due = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        int moved;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement move = c.prepareStatement(
                     "update scheduled_tasks set execution_time = ? where task_name = 'AxonDeadline' and not picked")) {
            move.setTimestamp(1, Timestamp.from(due));
            moved = move.executeUpdate();
        }
        long waitUntil = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (expiredSeen.size() < PENDING && System.nanoTime() < waitUntil) {
            Thread.sleep(200);
        }
        Thread.sleep(500);
        stream.dispose();
        requester.dispose();

        var seen = new Histogram(600_000_000L, 3);
        expiredSeen.forEach((id, at) -> seen.recordValue(Math.max(0, Duration.between(due, at).toNanos() / 1000)));
        var stored = new Histogram(600_000_000L, 3);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             var rs = c.createStatement().executeQuery(
                     "select time_stamp from domain_event_entry where payload_type like '%EntryRequestExpired'")) {
            while (rs.next()) {
                stored.recordValue(Math.max(0, Duration.between(due, Instant.parse(rs.getString(1))).toNanos() / 1000));
            }
        }
        table.append("\n| 3. expiry lateness, 10,000 pending requests due at one instant | expired | p50 s | p99 s | max s | goal |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        table.append(String.format("| Expired event stored (deadline fired and committed) | %,d | %.2f | %.2f | %.2f | p99 <= 1 s |%n",
                stored.getTotalCount(), stored.getValueAtPercentile(50) / 1e6, stored.getValueAtPercentile(99) / 1e6,
                stored.getMaxValue() / 1e6));
        table.append(String.format("| EXPIRED frame at the guard's `gate.requests.stream` | %,d | %.2f | %.2f | %.2f | |%n",
                seen.getTotalCount(), seen.getValueAtPercentile(50) / 1e6, seen.getValueAtPercentile(99) / 1e6,
                seen.getMaxValue() / 1e6));
        table.append(String.format("| (setup: %,d raised over HTTP by 32 clients in %.1f s = %,.0f raises/s; %,d deadlines moved) | | | | | |%n",
                ids.size(), raiseSeconds, ids.size() / raiseSeconds, moved));
        System.err.printf("part 3: %d moved, %d expired events, %d frames%n", moved, stored.getTotalCount(), seen.getTotalCount());
    }

    // ---------------------------------------------------------------------------------------------- support

    /** A society for the benchmark: flats, one guard, residents; tokens minted by the server's issuer. */
    record World(UUID society, UUID guard, String guardToken, List<UUID> flats, List<List<String>> residentTokens) {

        static World build(BenchmarkServer server, int flatCount, int residentsPerFlat) throws Exception {
            ConfigurableApplicationContext context = server.context();
            CommandSender sender = context.getBean(CommandSender.class);
            DirectoryReadModel directory = context.getBean(DirectoryReadModel.class);
            TokenIssuer tokens = context.getBean(TokenIssuer.class);
            Caller system = Caller.system();
            String hash = Passwords.hash("benchmark-pw-1");
            UUID society = UUID.randomUUID();
            sender.send(system, new CreateSociety(new SocietyId(society), "Bench Meadows", "Pune")).block();
            List<UUID> flats = new ArrayList<>();
            for (int f = 0; f < flatCount; f++) {
                UUID flat = UUID.randomUUID();
                flats.add(flat);
                sender.send(system, new AddFlat(new SocietyId(society), new FlatId(flat), "B", Integer.toString(f))).block();
            }
            long phone = 7_000_000_000L + (System.nanoTime() % 1_000_000) * 1_000;
            UUID guard = UUID.randomUUID();
            sender.send(system, new RegisterUser(new UserId(guard), "Bench Guard", Long.toString(phone++), hash,
                    Role.GUARD, new SocietyId(society), null)).block();
            List<List<UUID>> residents = new ArrayList<>();
            for (UUID flat : flats) {
                List<UUID> ofFlat = new ArrayList<>();
                for (int r = 0; r < residentsPerFlat; r++) {
                    UUID resident = UUID.randomUUID();
                    ofFlat.add(resident);
                    sender.send(system, new RegisterUser(new UserId(resident), "Resident " + phone, Long.toString(phone++),
                            hash, Role.RESIDENT, new SocietyId(society), new FlatId(flat))).block();
                }
                residents.add(ofFlat);
            }
            String guardToken = tokens.accessToken(await(directory, guard));
            List<List<String>> residentTokens = new ArrayList<>();
            for (List<UUID> ofFlat : residents) {
                List<String> flatTokens = new ArrayList<>();
                for (UUID resident : ofFlat) {
                    flatTokens.add(tokens.accessToken(await(directory, resident)));
                }
                residentTokens.add(flatTokens);
            }
            return new World(society, guard, guardToken, flats, residentTokens);
        }

        private static com.gatehouse.api.directory.DirectoryViews.UserView await(DirectoryReadModel directory, UUID user)
                throws InterruptedException {
            for (int i = 0; i < 600; i++) {
                var view = directory.user(user);
                if (view.isPresent()) {
                    return view.get();
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("user " + user + " never reached the directory read model");
        }
    }


    private static HttpRequest request(BenchmarkServer server, String method, String path, String token, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.httpPort() + "/api/v1" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static JsonNode send(BenchmarkServer server, String method, String path, String token, Object body,
                                 int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request(server, method, path, token, body),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
