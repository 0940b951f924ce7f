package com.gatehouse.api.directory;

import com.gatehouse.api.common.Problem;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The one way to learn a society's time zone: every "day", "hour", "day of week" and "today" of a society
 * (reports, rules with time windows, opening hours, "today's entries") is computed in it. A society without
 * one (created before societies had time zones) is in {@link #DEFAULT}.
 */
public interface SocietyTimeZones {

    /** The zone of a society that names none: India Standard Time. */
    ZoneId DEFAULT = ZoneId.of("Asia/Kolkata");

    /** The society's zone; {@link #DEFAULT} for an unknown society or one without a zone. */
    ZoneId zoneOf(UUID society);

    /**
     * Reads a time zone named by a user: an IANA region id such as {@code Asia/Kolkata} ({@code null} or blank
     * gives {@link #DEFAULT}); refuses (400 on {@code field}) anything else, fixed offsets included, because
     * a society follows its region's rules, not an offset.
     */
    static ZoneId parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        try {
            ZoneId zone = ZoneId.of(text.strip());
            if (zone instanceof java.time.ZoneOffset || !zone.getId().contains("/")) {
                throw Problem.invalid(field, "must be a region time zone such as Asia/Kolkata, not an offset");
            }
            return zone;
        } catch (DateTimeException e) {
            throw Problem.invalid(field, "must be a time zone such as Asia/Kolkata");
        }
    }
}
