package com.gatehouse.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the benchmarks and prints their tables: {@code java -jar benchmark/target/gatehouse-benchmark.jar [name...]}
 * (no name: all). Each scenario starts its own server on the embedded default.
 */
public final class Benchmarks {

    /** One benchmark: runs against a fresh server and prints a Markdown table. */
    public interface Scenario {
        void run() throws Exception;
    }

    static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("notification-latency", new NotificationLatency());
        SCENARIOS.put("replay-and-export", new ReplayAndExport());
        SCENARIOS.put("entry-requests", new EntryRequests());
        SCENARIOS.put("sos-latency", new SosLatency());
        SCENARIOS.put("push-delivery", new PushDelivery());
        SCENARIOS.put("cluster-latency", new ClusterLatency());
        SCENARIOS.put("sealing-cost", new SealingCost());
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        var chosen = args.length == 0 ? SCENARIOS.keySet().toArray(String[]::new) : args;
        for (String name : chosen) {
            Scenario scenario = SCENARIOS.get(name);
            if (scenario == null) {
                System.err.println("Unknown benchmark '" + name + "'; known: " + SCENARIOS.keySet());
                System.exit(2);
            }
            System.out.println("\n## " + name + "\n");
            scenario.run();
        }
        System.exit(0);
    }
}
