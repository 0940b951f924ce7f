package com.gatehouse.server.cluster;

import com.gatehouse.api.common.ClusterSignals;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link ClusterSignals} over PostgreSQL {@code NOTIFY}/{@code LISTEN} on the channel {@value #CHANNEL}: every
 * instance on the same database hears every signal within milliseconds. Publishing is a {@code pg_notify}
 * through the application's JDBC pool (so inside a transaction it goes out on commit); listening is one
 * dedicated connection per instance, outside the pool, reopened with a back-off when it breaks (signals sent
 * while it is down are lost, as the contract of {@link ClusterSignals} allows).
 */
@Component
public class PostgresClusterSignals implements ClusterSignals, SmartLifecycle {

    static final String CHANNEL = "gatehouse_signals";
    private static final Logger log = LoggerFactory.getLogger(PostgresClusterSignals.class);
    private static final char SEPARATOR = '\n';

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread listener;
    private volatile CountDownLatch listening = new CountDownLatch(1);

    public PostgresClusterSignals(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void publish(String topic, String payload) {
        if (topic.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("A topic is one line");
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A signal's payload is at most " + MAX_PAYLOAD + " bytes");
        }
        jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, topic + SEPARATOR + payload);
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
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
            try (Connection connection = openListenerConnection()) {
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
    private Connection openListenerConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }
}
