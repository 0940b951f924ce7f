package com.gatehouse.server.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {

    @TempDir
    Path tmp;

    @Test
    void dataSurvivesStopAndStartOnTheSameDirectory() throws Exception {
        Path dir = tmp.resolve("pg");

        long t0 = System.nanoTime();
        EmbeddedDatabase first = EmbeddedDatabase.start(dir, 0);
        long firstStart = millisSince(t0);
        try {
            assertThat(first.port()).isPositive();
            assertThat(first.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + first.port() + "/gatehouse");
            assertThat(first.r2dbcUrl()).isEqualTo("r2dbc:postgresql://localhost:" + first.port() + "/gatehouse");
            execute(first, "CREATE TABLE note (text TEXT NOT NULL)", "INSERT INTO note VALUES ('kept')");
            assertThat(query(first, "SHOW fsync")).containsExactly("on");
            assertThat(query(first, "SHOW synchronous_commit")).containsExactly("on");
            assertThat(query(first, "SHOW max_connections")).containsExactly("200");

            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            assertThatThrownBy(() -> EmbeddedDatabase.start(tmp.resolve("other"), first.port()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + first.port());
            assertThat(query(first, "SELECT text FROM note")).containsExactly("kept");
        } catch (Throwable t) {
            first.close();
            throw t;
        }
        long t1 = System.nanoTime();
        first.close();
        long stop = millisSince(t1);
        first.close(); // idempotent
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();

        int fixedPort = freePort();
        long t2 = System.nanoTime();
        try (EmbeddedDatabase second = EmbeddedDatabase.builder(dir)
                .port(fixedPort)
                .serverSetting("work_mem", "8MB")
                .start()) {
            long secondStart = millisSince(t2);
            assertThat(second.port()).isEqualTo(fixedPort);
            assertThat(query(second, "SELECT text FROM note")).containsExactly("kept");
            assertThat(query(second, "SHOW work_mem")).containsExactly("8MB");
            System.out.printf("TIMING first start (initdb) %d ms, stop %d ms, second start %d ms%n",
                    firstStart, stop, secondStart);
        }
    }

    @Test
    void stalePidFilesDoNotBlockTheStart() throws Exception {
        Path dir = tmp.resolve("pg");
        List<String> pidFile;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            execute(db, "CREATE TABLE note (text TEXT NOT NULL)", "INSERT INTO note VALUES ('kept')");
            pidFile = Files.readAllLines(dir.resolve("postmaster.pid"));
        }

        // The server is gone but its pid file stayed (as after a kill -9 of the postmaster itself).
        Files.write(dir.resolve("postmaster.pid"), pidFile);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThat(query(db, "SELECT text FROM note")).containsExactly("kept");
        }

        // The pid was reused by a live process of the same user that is not PostgreSQL.
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            List<String> reused = new ArrayList<>(pidFile);
            reused.set(0, Long.toString(other.pid()));
            Files.write(dir.resolve("postmaster.pid"), reused);
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
                assertThat(query(db, "SELECT text FROM note")).containsExactly("kept");
            }
            assertThat(other.isAlive()).as("the unrelated process is left alone").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void stopsThePostgresOrphanedByAKilledJvmAndKeepsItsData() throws Exception {
        Path dir = tmp.resolve("pg");
        Process child = new ProcessBuilder(javaCommand(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", testClasspath(), OrphanedPostgresMain.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        long orphanPid = -1;
        try {
            orphanPid = awaitReady(child);
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0))
                    .as("a server whose JVM lives is not an orphan")
                    .hasMessageContaining("in use by another process");
            child.destroyForcibly(); // kill -9: no shutdown hook, no pg_ctl stop
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Optional<ProcessHandle> orphan = ProcessHandle.of(orphanPid);
            assertThat(orphan).as("postgres outlives its killed JVM").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            long t0 = System.nanoTime();
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
                long recovery = millisSince(t0);
                assertThat(query(db, "SELECT text FROM note")).containsExactly("written before kill -9");
                assertThat(EmbeddedDatabase.isRunning(orphan.get())).as("orphan stopped (maybe a zombie)").isFalse();
                System.out.printf("TIMING start with orphan recovery %d ms%n", recovery);
            }
        } finally {
            child.destroyForcibly();
            if (orphanPid > 0) {
                ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static long awaitReady(Process child) throws Exception {
        StringBuilder output = new StringBuilder();
        CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.startsWith("READY ")) {
                        return Long.parseLong(line.substring(6).strip());
                    }
                }
                throw new IllegalStateException("child ended before READY:\n" + output);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return ready.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("child not ready in 60 s:\n" + output, e);
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; it publishes the real class path separately. */
    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void execute(EmbeddedDatabase db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> query(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
