package com.gatehouse.benchmark;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.SocietyEvent.FlatAdded;
import com.gatehouse.api.directory.SocietyEvent.SocietyCreated;
import com.gatehouse.api.directory.UserEvent.UserRegistered;
import com.gatehouse.projection.admin.ProjectionAdmin;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issue 7's figures: how fast the largest projection (the audit index: one row per event) and the
 * directory rebuild from the first event, and how fast the audit trail exports as NDJSON over HTTP.
 * The history (>= 200,000 events across 50 societies: societies, flats, residents) is appended straight
 * to the event store in the server's JVM, as the command side would have stored it.
 */
public final class ReplayAndExport implements Benchmarks.Scenario {

    static final int SOCIETIES = 50;
    static final int FLATS_PER_SOCIETY = 1_000;
    static final int USERS_PER_SOCIETY = 3_000;

    @Override
    public void run() throws Exception {
        try (var server = BenchmarkServer.start()) {
            var context = server.context();
            EventStore events = context.getBean(EventStore.class);
            TransactionManager tx = context.getBean(TransactionManager.class);
            ProjectionAdmin admin = context.getBean(ProjectionAdmin.class);

            long t0 = System.nanoTime();
            long appended = appendHistory(events, tx);
            double appendSeconds = seconds(t0);
            waitForCatchUp(admin, "audit-index", Duration.ofMinutes(10));
            waitForCatchUp(admin, "directory", Duration.ofMinutes(10));

            var table = new StringBuilder("| measure | events | seconds | events/s | goal |\n|---|---:|---:|---:|---|\n");
            table.append(row("append history (setup, 1 tx per 1,000 events)", appended, appendSeconds, ""));
            for (String projection : List.of("audit-index", "directory")) {
                long head = admin.status(projection).head();
                long start = System.nanoTime();
                admin.replay(projection);
                waitForReplay(admin, projection, Duration.ofMinutes(10));
                table.append(row("replay `" + projection + "`", head, seconds(start),
                        projection.equals("audit-index") ? ">= 20,000/s" : ""));
            }
            String token = Http.login(server.httpPort(), BenchmarkServer.ADMIN_PHONE, BenchmarkServer.ADMIN_PASSWORD);
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                long lines = exportLines(server.httpPort(), token);
                table.append(row("audit export NDJSON over HTTP, platform-wide (run " + (run + 1) + ")", lines,
                        seconds(start), ">= 50,000/s"));
            }
            long start = System.nanoTime();
            long lines = exportLines(server.httpPort(), token, "?aggregateType=Society");
            table.append(row("audit export, one aggregate type (index-filtered)", lines, seconds(start), ""));
            System.out.println(table);
            System.out.println("(" + SOCIETIES + " societies x (1 + " + FLATS_PER_SOCIETY + " flats + " + USERS_PER_SOCIETY
                    + " users) events; embedded PostgreSQL 17, fsync on)");
        }
    }

    /** Appends the generated history in transactions of 1,000 events; answers how many. */
    private static long appendHistory(EventStore events, TransactionManager tx) {
        var batch = new Batch(events, tx);
        Instant at = Instant.now();
        for (int s = 0; s < SOCIETIES; s++) {
            SocietyId society = SocietyId.random();
            MetaData meta = MetaData.with(MetaDataKeys.ACTOR_ID, new UUID(0, 0).toString())
                    .and(MetaDataKeys.ACTOR_ROLE, Role.SUPER_ADMIN.name());
            batch.add(new GenericDomainEventMessage<>("Society", society.toString(), 0,
                    new SocietyCreated(society, "Society " + s, "Pune", at, "Asia/Kolkata"), meta));
            List<FlatId> flats = new ArrayList<>();
            for (int f = 0; f < FLATS_PER_SOCIETY; f++) {
                FlatId flat = FlatId.random();
                flats.add(flat);
                batch.add(new GenericDomainEventMessage<>("Society", society.toString(), f + 1,
                        new FlatAdded(society, flat, "B" + (f / 100), Integer.toString(f), at), meta));
            }
            MetaData adminMeta = meta.and(MetaDataKeys.SOCIETY_ID, society.toString());
            for (int u = 0; u < USERS_PER_SOCIETY; u++) {
                UserId user = UserId.random();
                batch.add(new GenericDomainEventMessage<>("User", user.toString(), 0,
                        new UserRegistered(user, "Resident " + u, String.format("7%02d%07d", s, u), Role.RESIDENT,
                                society, flats.get(u % flats.size()), at, true), adminMeta));
            }
        }
        batch.flush();
        return batch.appended;
    }

    /** Events waiting to be appended, one transaction per 1,000. */
    private static final class Batch {
        private final EventStore events;
        private final TransactionManager tx;
        private final List<GenericDomainEventMessage<?>> pending = new ArrayList<>();
        private long appended;

        Batch(EventStore events, TransactionManager tx) {
            this.events = events;
            this.tx = tx;
        }

        void add(GenericDomainEventMessage<?> event) {
            pending.add(event);
            if (pending.size() == 1_000) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            var copy = List.copyOf(pending);
            tx.executeInTransaction(() -> events.publish(copy));
            appended += copy.size();
            pending.clear();
        }
    }

    static void waitForCatchUp(ProjectionAdmin admin, String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var status = admin.status(name);
            if (!status.replaying() && status.position() >= status.head()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not catch up within " + timeout);
    }

    static void waitForReplay(ProjectionAdmin admin, String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread.sleep(50);
        while (System.nanoTime() < deadline) {
            var status = admin.status(name);
            if (!status.replaying() && status.position() >= status.head()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + " did not finish its replay within " + timeout);
    }

    private static long exportLines(int port, String token) throws Exception {
        return exportLines(port, token, "");
    }

    private static long exportLines(int port, String token, String query) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/audit/events" + query))
                .header("Authorization", "Bearer " + token).header("Accept", "application/x-ndjson").build();
        HttpResponse<InputStream> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode());
        }
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static String row(String what, long events, double seconds, String goal) {
        return String.format("| %s | %,d | %.2f | %,.0f | %s |%n", what, events, seconds, events / seconds, goal);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        static String login(int port, String phone, String password) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\",\"password\":\"" + password + "\"}"))
                    .build();
            String body = CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            return node.get("accessToken").asText();
        }
    }
}
