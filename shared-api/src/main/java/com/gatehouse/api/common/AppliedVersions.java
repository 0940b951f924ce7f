package com.gatehouse.api.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link ClusterSignals} message that says "read model G has applied aggregate A up to sequence number N":
 * sent by the projections at the commit of each batch, heard by every instance's waiting REST calls
 * (read-your-writes). One message per group and batch; a batch larger than a signal is split.
 * <p>
 * Payload: {@code <group>} then one {@code <aggregateId> <sequenceNumber>} line per aggregate.
 */
public final class AppliedVersions {

    public static final String TOPIC = "read-model-applied";

    /** Receives one decoded entry. */
    @FunctionalInterface
    public interface Entry {
        void applied(String group, String aggregateId, long sequenceNumber);
    }

    private AppliedVersions() {
    }

    public static List<String> encode(String group, Map<String, Long> versions) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(group);
        for (var version : versions.entrySet()) {
            String line = "\n" + version.getKey() + " " + version.getValue();
            if (payload.length() + line.length() > ClusterSignals.MAX_PAYLOAD / 2) { // chars: keep well under bytes
                payloads.add(payload.toString());
                payload = new StringBuilder(group);
            }
            payload.append(line);
        }
        if (payload.length() > group.length()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    public static void decode(String payload, Entry entry) {
        String[] lines = payload.split("\n");
        String group = lines[0];
        for (int i = 1; i < lines.length; i++) {
            int space = lines[i].lastIndexOf(' ');
            if (space > 0) {
                entry.applied(group, lines[i].substring(0, space), Long.parseLong(lines[i].substring(space + 1)));
            }
        }
    }
}
