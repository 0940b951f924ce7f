package com.gatehouse.command.common;

import com.gatehouse.api.common.Problem;

import java.time.Duration;
import java.time.Instant;

/**
 * The window a resident gives a gate pass or a pre-approval: validFrom before validUntil, validUntil in the
 * future, and at most {@link #LONGEST} from validFrom to validUntil. Refusals are 400 on validUntil.
 */
public final class ValidityWindows {

    /** The longest validity window a resident may give. */
    public static final Duration LONGEST = Duration.ofDays(90);

    private ValidityWindows() {
    }

    /** Refuses (400 on validUntil) a window that is missing, inverted, already over or too long. */
    public static void require(Instant validFrom, Instant validUntil, Instant now) {
        if (validFrom == null || validUntil == null || !validFrom.isBefore(validUntil)) {
            throw Problem.invalid("validUntil", "must be after validFrom");
        }
        if (!validUntil.isAfter(now)) {
            throw Problem.invalid("validUntil", "must be in the future");
        }
        if (Duration.between(validFrom, validUntil).compareTo(LONGEST) > 0) {
            throw Problem.invalid("validUntil", "must be at most 90 days after validFrom");
        }
    }
}
