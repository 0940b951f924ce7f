package com.gatehouse.server.auth;

import com.gatehouse.api.common.Problem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Slows password guessing without letting strangers lock a known phone number out. Failed logins are
 * counted per phone number <em>and</em> client address ({@link com.gatehouse.server.web.ClientAddresses}):
 * after {@code gatehouse.login.max-failures} (5) within {@code gatehouse.login.window} (15 min), that
 * phone is refused from that address only, while the right password still works from any other. And
 * one address may fail at most {@code gatehouse.login.max-failures-per-address} (50) times within the
 * window, whatever the phones, or all its logins are refused. Refusals answer 429 with
 * {@code Retry-After} (seconds until the oldest counted failure leaves the window).
 * <p>
 * The failures live in PostgreSQL ({@code auth_login_failure}), so every instance counts the same ones.
 * Each attempt is written as a failure <em>before</em> the password is checked and removed when it
 * succeeds, so parallel attempts cannot slip past the limit. Rows older than the window are deleted.
 */
@Component
public class LoginThrottle {

    /** How often one instance sweeps out failures that have left the window. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** Refused because of too many failures: {@code retryAfter} says when to try again. */
    public static final class Throttled extends Problem {
        private final long retryAfterSeconds;

        Throttled(String detail, long retryAfterSeconds) {
            super(Kind.TOO_MANY_REQUESTS, detail + "; try again in " + retryAfterSeconds + " seconds");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** One login attempt, counted as a failure until {@link #succeeded()} says otherwise. */
    public final class Attempt {
        private final String phone;
        private final String address;

        private Attempt(String phone, String address) {
            this.phone = phone;
            this.address = address;
        }

        /** The password was right: this phone's failures from this address are forgotten. */
        public void succeeded() {
            jdbc.update("delete from auth_login_failure where phone = ? and address = ?", phone, address);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LoginSettings settings;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    public LoginThrottle(JdbcTemplate jdbc, Clock clock, LoginSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Counts an attempt for {@code phone} from {@code address}, or refuses it (429) when that phone failed
     * too often from there lately, or that address did. A refused attempt is not counted.
     */
    public Attempt begin(String phone, String address) {
        Instant now = clock.instant();
        sweep(now);
        Long id = jdbc.queryForObject("insert into auth_login_failure (phone, address, failed_at) values (?, ?, ?) "
                + "returning id", Long.class, phone, address, Timestamp.from(now));
        Timestamp since = Timestamp.from(now.minus(settings.window()));
        var counts = jdbc.queryForObject("""
                        select count(*) filter (where phone = ?), min(failed_at) filter (where phone = ?),
                               count(*), min(failed_at)
                        from auth_login_failure where address = ? and failed_at > ?""",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getTimestamp(2), rs.getLong(3), rs.getTimestamp(4)},
                phone, phone, address, since);
        long pairFailures = (Long) counts[0];
        long addressFailures = (Long) counts[2];
        if (pairFailures > settings.maxFailures() || addressFailures > settings.maxFailuresPerAddress()) {
            jdbc.update("delete from auth_login_failure where id = ?", id);
            if (addressFailures > settings.maxFailuresPerAddress()) {
                throw new Throttled("Too many failed logins from your address", wait((Timestamp) counts[3], now));
            }
            throw new Throttled("Too many failed logins for this phone number from your address",
                    wait((Timestamp) counts[1], now));
        }
        return new Attempt(phone, address);
    }

    private long wait(Timestamp oldest, Instant now) {
        Instant until = (oldest == null ? now : oldest.toInstant()).plus(settings.window());
        return Math.max(1, Duration.between(now, until).toSeconds() + 1);
    }

    /** Deletes failures that left the window; at most once a minute per instance. */
    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_EVERY)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        jdbc.update("delete from auth_login_failure where failed_at <= ?", Timestamp.from(now.minus(settings.window())));
    }
}
