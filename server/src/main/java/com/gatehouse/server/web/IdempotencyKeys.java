package com.gatehouse.server.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code Idempotency-Key} records ({@code idempotency_key}): per user and key, the fingerprint of
 * the first request and whether it is still in flight. Shared by every instance through PostgreSQL;
 * a record lives {@code gatehouse.idempotency.retention} from the key's first use.
 */
@Repository
public class IdempotencyKeys {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    public enum Outcome { CLAIMED, IN_FLIGHT, OTHER_REQUEST }

    /** What a claim found; {@code startedAt} identifies this request's hold on the key when CLAIMED. */
    public record Claim(Outcome outcome, Instant startedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdempotencySettings settings;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    public IdempotencyKeys(JdbcTemplate jdbc, Clock clock, IdempotencySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Marks the key in flight for this request: a new (or expired) key is bound to {@code fingerprint}; a
     * key bound to it and not in flight (or in flight for longer than the in-flight timeout: its instance
     * is gone) is taken; otherwise the answer says why not.
     */
    public Claim claim(String user, String key, String fingerprint) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        sweep(now);
        for (int attempt = 0; attempt < 3; attempt++) {
            int inserted = jdbc.update("""
                            insert into idempotency_key (user_id, idempotency_key, fingerprint, in_flight, started_at, expires_at)
                            values (?, ?, ?, true, ?, ?)
                            on conflict (user_id, idempotency_key) do update
                                set fingerprint = excluded.fingerprint, in_flight = true,
                                    started_at = excluded.started_at, expires_at = excluded.expires_at
                                where idempotency_key.expires_at <= excluded.started_at""",
                    user, key, fingerprint, Timestamp.from(now), Timestamp.from(now.plus(settings.retention())));
            if (inserted == 1) {
                return new Claim(Outcome.CLAIMED, now);
            }
            var bound = jdbc.query("select fingerprint from idempotency_key where user_id = ? and idempotency_key = ?",
                    (rs, i) -> rs.getString(1), user, key);
            if (bound.isEmpty()) {
                continue; // freed meanwhile: claim it anew
            }
            if (!bound.get(0).equals(fingerprint)) {
                return new Claim(Outcome.OTHER_REQUEST, null);
            }
            int taken = jdbc.update("""
                            update idempotency_key set in_flight = true, started_at = ?
                            where user_id = ? and idempotency_key = ? and fingerprint = ?
                              and (not in_flight or started_at <= ?)""",
                    Timestamp.from(now), user, key, fingerprint,
                    Timestamp.from(now.minus(settings.inFlightTimeout())));
            return taken == 1 ? new Claim(Outcome.CLAIMED, now) : new Claim(Outcome.IN_FLIGHT, null);
        }
        return new Claim(Outcome.IN_FLIGHT, null);
    }

    /** The request answered (or its client went away): the key stays bound to it, no longer in flight. */
    public void done(String user, String key, Instant startedAt) {
        jdbc.update("update idempotency_key set in_flight = false "
                        + "where user_id = ? and idempotency_key = ? and started_at = ?",
                user, key, Timestamp.from(startedAt));
    }

    /**
     * The request was refused (4xx: nothing changed): the key is free again, unless it had answered an
     * earlier request successfully (a refused retry must not unbind it).
     */
    public void release(String user, String key, Instant startedAt) {
        jdbc.update("delete from idempotency_key where user_id = ? and idempotency_key = ? and started_at = ? "
                        + "and expires_at = ?",
                user, key, Timestamp.from(startedAt), Timestamp.from(startedAt.plus(settings.retention())));
        done(user, key, startedAt);
    }

    /** Deletes expired records; at most once a minute per instance. */
    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_EVERY)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        jdbc.update("delete from idempotency_key where expires_at <= ?", Timestamp.from(now));
    }
}
