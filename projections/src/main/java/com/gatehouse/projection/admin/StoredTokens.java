package com.gatehouse.projection.admin;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The processors' tokens as committed in the token store ({@code token_entry}, which stays in PostgreSQL also with
 * Axon Server), read without claiming them. Axon's {@code TokenStore#fetchToken} claims the segment for this
 * instance (and fails when another instance holds it), so "where does this group stand" asked on an instance that
 * runs none of its segments must not go through it. A stored token is exactly what the group's tables hold: it is
 * written in the transaction of the batch it covers.
 */
@Component
public class StoredTokens {

    /** One segment's committed token (null before its first event), who claims it (null: nobody) and since when. */
    public record Stored(int segment, TrackingToken token, String owner, Instant claimedAt) {

        public long position() {
            return token == null ? 0 : token.position().orElse(0);
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StoredTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The group's segments by id. */
    public Map<Integer, Stored> of(String group) {
        Map<Integer, Stored> segments = new TreeMap<>();
        jdbc.query("select segment, token, token_type, owner, timestamp from public.token_entry where processor_name = ?",
                rs -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    String claimed = rs.getString("timestamp");
                    segments.put(rs.getInt("segment"), new Stored(rs.getInt("segment"),
                            token == null || type == null ? null
                                    : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null)),
                            rs.getString("owner"), claimed == null ? null : Instant.parse(claimed)));
                }, group);
        return segments;
    }
}
