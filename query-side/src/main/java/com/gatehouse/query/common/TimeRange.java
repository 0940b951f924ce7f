package com.gatehouse.query.common;

import com.gatehouse.api.common.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code ?from=&to=} filter of history reads: each bound an ISO-8601 instant ({@code 2025-01-31T10:00:00Z},
 * offsets allowed) or a date ({@code 2025-01-31}, a whole day: of the society's time zone where a society is
 * read, UTC for platform-wide reads such as the audit trail). {@code from} is inclusive, {@code to}
 * exclusive, except that a date as {@code to} includes that whole day. Either may be left out. Refuses (400)
 * what it cannot read, a bound outside {@value #EARLIEST} to {@value #LATEST}, and a {@code from} after {@code to}.
 */
public record TimeRange(Instant from, Instant to) {

    /** The earliest and latest bound a filter may name (the database and the reports need sane bounds). */
    public static final String EARLIEST = "1970-01-01";
    public static final String LATEST = "2100-01-01";
    private static final Instant MIN = LocalDate.parse(EARLIEST).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant MAX = LocalDate.parse(LATEST).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** Dates as whole UTC days. */
    public static TimeRange of(String from, String to) {
        return of(from, to, ZoneOffset.UTC);
    }

    /** Dates as whole days of {@code zone}. */
    public static TimeRange of(String from, String to, java.time.ZoneId zone) {
        Instant start = parse("from", from, false, zone);
        Instant end = parse("to", to, true, zone);
        if (start != null && end != null && start.isAfter(end)) {
            throw Problem.invalid("from", "must not be after to");
        }
        return new TimeRange(start, end);
    }

    private static Instant parse(String field, String value, boolean endOfDay, java.time.ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant instant;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } else {
                instant = OffsetDateTime.parse(text).toInstant();
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw Problem.invalid(field, "must be an ISO-8601 date (2025-01-31) or instant (2025-01-31T10:00:00Z)");
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw Problem.invalid(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }
}
