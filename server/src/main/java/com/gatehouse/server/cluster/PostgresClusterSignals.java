package com.gatehouse.server.cluster;

import com.gatehouse.api.common.ClusterSignals;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link ClusterSignals} over PostgreSQL {@code NOTIFY}/{@code LISTEN} on the channel {@value #CHANNEL}: every
 * instance on the same database hears every signal within milliseconds.
 * <p>
 * Publishing never runs {@code NOTIFY} in the caller's transaction. PostgreSQL serialises the commits of all
 * transactions that notified (one database-wide lock, held through the commit's WAL flush), so a {@code NOTIFY} in
 * every projection batch made every processor of every instance commit one at a time. Instead, a signal published
 * inside a unit of work (a projection's batch, a command) is kept with it and handed over when it commits (dropped
 * if it rolls back, and a failed event handler's signals are dropped with its savepoint:
 * {@link #discardSince}); one sender thread per instance sends what was handed over, in order, many signals in one
 * short transaction of its own that waits for no WAL flush (a signal is at most once: nothing to make durable).
 * Listening is one dedicated connection per instance, outside the pool, reopened with a back-off when it breaks
 * (signals sent while it is down are lost, as the contract of {@link ClusterSignals} allows).
 */
@Component
public class PostgresClusterSignals implements ClusterSignals, SmartLifecycle {

    static final String CHANNEL = "gatehouse_signals";
    private static final Logger log = LoggerFactory.getLogger(PostgresClusterSignals.class);
    private static final char SEPARATOR = '\n';
    /** The resource of a unit of work holding its signals until it commits. */
    private static final String PENDING = PostgresClusterSignals.class.getName() + ".pending";
    /** Signals waiting to be sent, at most (beyond, new ones are dropped: at most once). */
    static final int OUTBOX = 100_000;
    /** Signals sent in one transaction, at most. */
    static final int BATCH = 500;

    private final DataSource dataSource;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    /** Signals handed over (committed, or published outside a unit of work), waiting for the sender. */
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>(OUTBOX);
    private volatile Thread senderThread;
    /** The sender thread's own connection (outside the pool). */
    private Connection sender;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile CountDownLatch listening = new CountDownLatch(1);

    public PostgresClusterSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void publish(String topic, String payload) {
        if (topic.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("A topic is one line");
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A signal's payload is at most " + MAX_PAYLOAD + " bytes");
        }
        String message = topic + SEPARATOR + payload;
        List<String> pending = pendingOfUnitOfWork();
        if (pending != null) {
            pending.add(message);
        } else {
            handOver(List.of(message));
        }
    }

    /** Where signals of the current unit of work wait for its commit; null outside one (or once it committed). */
    private List<String> pendingOfUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!root.phase().isBefore(UnitOfWork.Phase.COMMIT)) {
            return null;
        }
        return root.getOrComputeResource(PENDING, key -> {
            List<String> list = new ArrayList<>();
            root.afterCommit(unitOfWork -> handOver(list));
            return list;
        });
    }

    /** How many signals the current unit of work holds (before an event handler runs: see {@link #discardSince}). */
    public static int pendingMark() {
        if (!CurrentUnitOfWork.isStarted()) {
            return 0;
        }
        List<String> pending = CurrentUnitOfWork.get().root().getResource(PENDING);
        return pending == null ? 0 : pending.size();
    }

    /** Drops the signals published since {@code mark} (an event handler failed and its savepoint was rolled back). */
    public static void discardSince(int mark) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        List<String> pending = CurrentUnitOfWork.get().root().getResource(PENDING);
        if (pending != null && pending.size() > mark) {
            pending.subList(mark, pending.size()).clear();
        }
    }

    private void handOver(List<String> messages) {
        for (String message : messages) {
            if (!outbox.offer(message)) {
                log.warn("Cluster signals: {} signals wait to be sent; dropping one", OUTBOX);
            }
        }
    }

    /** The sender: takes what was handed over, many at a time, and sends it in order. */
    private void send() {
        List<String> batch = new ArrayList<>();
        while (running || !outbox.isEmpty()) {
            try {
                String first = outbox.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outbox.drainTo(batch, BATCH - 1);
                notify(batch);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                log.warn("Cluster signals: sending {} signals failed ({}); they are lost", batch.size(), e.toString());
                closeQuietly();
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction, one round trip, no wait for the WAL flush; in order (PostgreSQL delivers in send order). */
    private void notify(List<String> batch) throws SQLException {
        if (sender == null || sender.isClosed()) {
            sender = openConnection();
            sender.setAutoCommit(false);
        }
        try (var noFlush = sender.createStatement();
             var send = sender.prepareStatement("select pg_notify(?, message) from unnest(?::text[])"
                     + " with ordinality as m(message, position) order by position")) {
            noFlush.execute("set local synchronous_commit = off");
            send.setString(1, CHANNEL);
            send.setArray(2, sender.createArrayOf("text", batch.toArray()));
            send.executeQuery().close();
            sender.commit();
        } catch (SQLException e) {
            sender.rollback();
            throw e;
        }
    }

    private void closeQuietly() {
        try {
            if (sender != null) {
                sender.close();
            }
        } catch (SQLException ignored) {
            // reopened on the next batch
        }
        sender = null;
    }

    @Override
    public AutoCloseable subscribe(String topic, Consumer<String> handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
        return () -> handlers.getOrDefault(topic, List.of()).remove(handler);
    }

    /** Waits until this instance listens (for tests and start-up ordering). */
    public boolean awaitListening(long timeout, TimeUnit unit) throws InterruptedException {
        return listening.await(timeout, unit);
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::listen, "cluster-signals");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
        Thread sending = new Thread(this::send, "cluster-signals-sender");
        sending.setDaemon(true);
        senderThread = sending;
        sending.start();
    }

    @Override
    public void stop() {
        running = false;
        for (Thread thread : new Thread[]{senderThread, listener}) {
            if (thread != null) {
                try {
                    thread.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web and RSocket servers so that no live connection exists unguarded. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection connection = openConnection()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening.countDown();
                backoff = 100;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(250);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                listening = new CountDownLatch(1);
                log.warn("Cluster signals: listening failed ({}); retrying in {} ms", e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private void dispatch(String message) {
        int split = message.indexOf(SEPARATOR);
        if (split < 0) {
            return;
        }
        String topic = message.substring(0, split);
        String payload = message.substring(split + 1);
        for (Consumer<String> handler : handlers.getOrDefault(topic, List.of())) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                log.warn("Cluster signals: a handler of {} failed", topic, e);
            }
        }
    }

    /** A connection of its own (not one held out of the pool forever), with the pool's address and credentials. */
    private Connection openConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }
}
