package com.gatehouse.command.push;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The {@code Retry-After} header of a provider's answer: seconds, or an HTTP date (RFC 9110); null if absent. */
final class RetryAfter {

    private RetryAfter() {
    }

    static Duration of(HttpResponse<?> response, Clock clock) {
        return response.headers().firstValue("Retry-After").map(value -> parse(value.strip(), clock)).orElse(null);
    }

    static Duration parse(String value, Clock clock) {
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration left = Duration.between(clock.instant(), at);
                return left.isNegative() ? Duration.ZERO : left;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
