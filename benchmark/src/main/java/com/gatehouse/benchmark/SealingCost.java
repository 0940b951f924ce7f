package com.gatehouse.benchmark;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.UserEvent.UserRegistered;
import com.gatehouse.benchmark.EntryRequests.World;
import com.gatehouse.projection.admin.ProjectionAdmin;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issue 16's figures: what sealing personal data costs. The same two measures on a server that seals every
 * {@code @PersonalData} field (as always) and on one that stores them in plain ({@code benchmark.sealing=false}),
 * alternating (off, on, off, on by default: {@code -Dsealing.order=on,off}), each on a fresh embedded default:
 * <ol>
 * <li>raise+approve pairs per second over REST at {@code -Dsealing.clients} (16) concurrent clients (each visit is
 * a new data subject: sealing makes and wraps a key for it, and seals name and photo key in the raise and the
 * admission);</li>
 * <li>{@code -Dsealing.history} (20,000) residents registered, appended straight to the event store (one
 * {@code UserRegistered} each with name and phone: a new key each when sealed; appended raises would set off
 * notifications and pushes), then the {@code directory} read model replayed from the first event: events per second
 * of the whole store (opening every sealed field; the subject keys are in this instance's cache, as on an instance
 * that has been running).</li>
 * </ol>
 * The machine's load average is printed before and after (the machine is shared: compare rows of one run).
 */
public final class SealingCost implements Benchmarks.Scenario {

    static final int CLIENTS = Integer.getInteger("sealing.clients", 16);
    static final int HISTORY = Integer.getInteger("sealing.history", 20_000);
    /** The read model replayed: the directory (users' names and phones are sealed). */
    static final String GROUP = "directory";

    @Override
    public void run() throws Exception {
        String[] order = System.getProperty("sealing.order", "off,on,off,on").split(",");
        var table = new StringBuilder("| sealing | raise+approve pairs/s (" + CLIENTS + " clients) | p50 pair ms | "
                + "p99 pair ms | append residents events/s | replay `directory` events/s | events replayed |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        String loadBefore = load();
        for (String mode : order) {
            boolean sealing = mode.strip().equals("on");
            try (var server = sealing ? BenchmarkServer.start() : BenchmarkServer.start(BenchmarkServer.SEALING + "=false")) {
                var context = server.context();
                var world = World.build(server, 32, 1);
                var pairs = new EntryRequests().pairs(server, world, CLIENTS);
                System.err.printf("sealing %s: %.0f pairs/s (%d errors)%n", mode, pairs.perSecond(), pairs.errors());

                EventStore events = context.getBean(EventStore.class);
                TransactionManager tx = context.getBean(TransactionManager.class);
                ProjectionAdmin admin = context.getBean(ProjectionAdmin.class);
                long t0 = System.nanoTime();
                appendResidents(events, tx, world);
                double appendSeconds = (System.nanoTime() - t0) / 1e9;
                ReplayAndExport.waitForCatchUp(admin, GROUP, Duration.ofMinutes(10));

                long head = admin.status(GROUP).head();
                long start = System.nanoTime();
                admin.replay(GROUP);
                ReplayAndExport.waitForReplay(admin, GROUP, Duration.ofMinutes(10));
                double replaySeconds = (System.nanoTime() - start) / 1e9;
                table.append(String.format("| %s | %,.0f | %.1f | %.1f | %,.0f | %,.0f | %,d |%n", sealing ? "on" : "off",
                        pairs.perSecond(), pairs.latency().getValueAtPercentile(50) / 1000.0,
                        pairs.latency().getValueAtPercentile(99) / 1000.0, HISTORY / appendSeconds,
                        head / replaySeconds, head));
            }
        }
        System.out.println(table);
        System.out.printf("(%d cores, JDK %s, embedded PostgreSQL 17 with fsync on, clients in the server's JVM; "
                        + "load average before: %s, after: %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadBefore, load());
    }

    /**
     * {@link #HISTORY} residents registered (name and phone: a new data subject each, so a new key when sealed),
     * appended in transactions of 1,000 as the command side stores them.
     */
    private static void appendResidents(EventStore events, TransactionManager tx, World world) {
        MetaData meta = MetaData.with(MetaDataKeys.ACTOR_ID, new UUID(0, 0).toString())
                .and(MetaDataKeys.ACTOR_ROLE, Role.SUPER_ADMIN.name())
                .and(MetaDataKeys.SOCIETY_ID, world.society().toString());
        Instant at = Instant.now();
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (int u = 0; u < HISTORY; u++) {
            UserId user = UserId.random();
            batch.add(new GenericDomainEventMessage<>("User", user.toString(), 0,
                    new UserRegistered(user, "Resident " + u, String.format("6%09d", u), Role.RESIDENT,
                            new SocietyId(world.society()), new FlatId(world.flats().get(u % world.flats().size())),
                            at, true), meta));
            if (batch.size() == 1_000 || u == HISTORY - 1) {
                var copy = List.copyOf(batch);
                tx.executeInTransaction(() -> events.publish(copy));
                batch.clear();
            }
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
