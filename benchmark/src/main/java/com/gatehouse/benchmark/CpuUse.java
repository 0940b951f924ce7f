package com.gatehouse.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU used by this JVM (the servers, the clients and the load) and by the embedded PostgreSQL (its postmaster and
 * backends, found by their data directory) between {@link #of} and {@link #since}: what a request costs, and how
 * many of the machine's cores were busy. A server that falls behind has not finished the work of the last
 * requests when {@code since} is called, so its cost per request is then a lower bound and the busy cores show it.
 */
record CpuUse(Path postgresDataDir, long startedNanos, long jvmNanos, long postgresNanos) {

    /** Where the counting starts. */
    static CpuUse of(Path postgresDataDir) {
        return new CpuUse(postgresDataDir, System.nanoTime(), jvmCpuNanos(), postgresCpuNanos(postgresDataDir));
    }

    /** What was used since {@link #of}, for {@code requests} requests. */
    Used since(long requests) {
        long wall = System.nanoTime() - startedNanos;
        long jvm = jvmCpuNanos() - jvmNanos;
        long postgres = postgresCpuNanos(postgresDataDir) - postgresNanos;
        return new Used(jvm / 1e6 / Math.max(1, requests), postgres / 1e6 / Math.max(1, requests),
                (jvm + postgres) / (double) wall);
    }

    /** Milliseconds of CPU per request in this JVM and in PostgreSQL, and the cores kept busy on average. */
    record Used(double jvmMsPer, double postgresMsPer, double coresBusy) {
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The postmaster whose command line names the data directory, and its backends (0 when none is found). */
    private static long postgresCpuNanos(Path dataDir) {
        String dir = dataDir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().filter(c -> c.contains("postgres") && c.contains(dir)).isPresent())
                .mapToLong(postmaster -> cpu(postmaster) + postmaster.descendants().mapToLong(CpuUse::cpu).sum())
                .sum();
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
