package com.gatehouse.query.common;

import com.gatehouse.api.common.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code ?from=&to=} filter of history reads: each bound an ISO-8601 instant ({@code 2025-01-31T10:00:00Z},
 * offsets allowed) or a date ({@code 2025-01-31}, a whole UTC day). {@code from} is inclusive, {@code to}
 * exclusive, except that a date as {@code to} includes that whole day. Either may be left out. Refuses (400)
 * what it cannot read and a {@code from} after {@code to}.
 */
public record TimeRange(Instant from, Instant to) {

    public static TimeRange of(String from, String to) {
        Instant start = parse("from", from, false);
        Instant end = parse("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw Problem.invalid("from", "must not be after to");
        }
        return new TimeRange(start, end);
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be an ISO-8601 date (2025-01-31) or instant (2025-01-31T10:00:00Z)");
        }
    }
}
