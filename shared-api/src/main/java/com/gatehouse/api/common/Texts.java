package com.gatehouse.api.common;

/**
 * How text is taken from a command or a filter: trimmed, blank as absent, or refused (400) where it is required.
 * The one copy, for aggregates, read models and query handlers alike.
 */
public final class Texts {

    private Texts() {
    }

    /** The text trimmed; refuses (400 on {@code field}) one that is missing or blank. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.invalid(field, "must not be blank");
        }
        return value.strip();
    }

    /** The text trimmed, or null when it is missing or blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
