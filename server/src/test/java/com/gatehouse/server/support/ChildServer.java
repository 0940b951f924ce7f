package com.gatehouse.server.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server in a JVM of its own (the test class path, {@link StandaloneServer}'s settings), for the one thing two
 * servers in one JVM cannot show honestly: an instance that dies at once. {@link #kill()} is {@code kill -9}
 * ({@link Process#destroyForcibly()} sends SIGKILL): no shutdown hook runs, no claim is released, no connection is
 * closed politely, nothing in flight is finished. The child prints {@code READY <http port>} once it serves.
 */
public final class ChildServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Deque<String> lastLines;

    private ChildServer(Process process, int port, Deque<String> lastLines) {
        this.process = process;
        this.port = port;
        this.lastLines = lastLines;
    }

    /** Starts a server on {@code dataDir} with {@code settings} ({@code key=value}) and waits until it serves. */
    public static ChildServer start(Path dataDir, Duration timeout, String... settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                // Surefire runs tests from a manifest-only jar; it publishes the real class path separately
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), dataDir.toString()));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > 200) {
                            lastLines.removeFirst();
                        }
                    }
                    if (line.startsWith("READY ")) {
                        ready.complete(Integer.parseInt(line.substring(6).strip()));
                    }
                }
            } catch (Exception ignored) {
                // the child was killed
            }
            ready.completeExceptionally(new IllegalStateException("the child server ended before it was ready"));
        }, "child-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ChildServer(process, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS), lastLines);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new AssertionError("child server not ready in " + timeout + "; its last lines:\n"
                    + String.join("\n", lastLines), e);
        }
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    public long pid() {
        return process.pid();
    }

    /** {@code kill -9}, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child server " + process.pid() + " outlived SIGKILL");
        }
    }

    /** The child's last lines of output (for a failing test's message). */
    public String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The child's main: a {@link StandaloneServer} on {@code args[0]} with the settings that follow. */
    public static final class Main {

        public static void main(String[] args) throws Exception {
            String[] settings = java.util.Arrays.copyOfRange(args, 1, args.length);
            var server = StandaloneServer.start(Path.of(args[0]), settings);
            System.out.println("READY " + server.port());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
