package com.gatehouse.projection.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Automatic retries of parked events ({@code gatehouse.dead-letters.*}). A sequence (one aggregate's parked
 * events) is retried {@code firstRetryAfter} after it was parked, then after twice as long each time it fails
 * again, never waiting longer than {@code maxRetryBackoff}; due sequences are looked for every
 * {@code retryCheckInterval}. An invalid value stops start-up naming the property.
 */
@ConfigurationProperties("gatehouse.dead-letters")
public record DeadLetterSettings(@DefaultValue("PT30S") Duration firstRetryAfter,
                                 @DefaultValue("PT1H") Duration maxRetryBackoff,
                                 @DefaultValue("PT5S") Duration retryCheckInterval) {

    public DeadLetterSettings {
        positive(firstRetryAfter, "gatehouse.dead-letters.first-retry-after", "PT30S");
        positive(maxRetryBackoff, "gatehouse.dead-letters.max-retry-backoff", "PT1H");
        positive(retryCheckInterval, "gatehouse.dead-letters.retry-check-interval", "PT5S");
        if (maxRetryBackoff.compareTo(firstRetryAfter) < 0) {
            throw new IllegalArgumentException("gatehouse.dead-letters.max-retry-backoff (" + maxRetryBackoff
                    + ") must not be shorter than gatehouse.dead-letters.first-retry-after (" + firstRetryAfter + ")");
        }
    }

    /** How long to wait after the {@code attempts}-th failed attempt: doubling, capped. */
    public Duration backoffAfter(long attempts) {
        Duration wait = firstRetryAfter;
        for (long i = 1; i < attempts && wait.compareTo(maxRetryBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : wait;
    }

    private static void positive(Duration value, String property, String example) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration, e.g. " + example
                    + "; was " + value);
        }
    }
}
