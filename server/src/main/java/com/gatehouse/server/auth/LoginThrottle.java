package com.gatehouse.server.auth;

import com.gatehouse.api.common.Problem;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one phone number within
 * {@link #WINDOW}, further attempts for it are refused with 429 and {@code Retry-After} until the
 * oldest failure leaves the window. Kept in memory (per server instance).
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Refused because of too many failures: {@code retryAfter} says when to try again. */
    public static final class Throttled extends Problem {
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super(Kind.TOO_MANY_REQUESTS, "Too many failed logins for this phone number; try again in "
                    + retryAfterSeconds + " seconds");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses (429) a phone number that failed too often lately. */
    public void check(String phone) {
        Deque<Instant> recent = failures.get(phone);
        if (recent == null) {
            return;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            if (recent.size() >= MAX_FAILURES) {
                long wait = Math.max(1, Duration.between(now, recent.peekFirst().plus(WINDOW)).toSeconds());
                throw new Throttled(wait);
            }
        }
    }

    public void failed(String phone) {
        Deque<Instant> recent = failures.computeIfAbsent(phone, p -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, clock.instant());
            recent.addLast(clock.instant());
        }
    }

    public void succeeded(String phone) {
        failures.remove(phone);
    }

    private void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && recent.peekFirst().plus(WINDOW).isBefore(now)) {
            recent.removeFirst();
        }
    }
}
