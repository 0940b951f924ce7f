package com.gatehouse.api.common;

import java.util.Map;

/**
 * A refusal a user can act on: the kind decides the HTTP status (and RSocket error), the detail
 * says why in words, and {@code errors} names the offending fields for validation problems.
 * Thrown by command handlers, query handlers and endpoints alike; the server maps it to
 * {@code application/problem+json} in one place.
 */
public class Problem extends RuntimeException {

    public enum Kind {
        INVALID(400, "Invalid request"),
        UNAUTHENTICATED(401, "Unauthorized"),
        FORBIDDEN(403, "Forbidden"),
        NOT_FOUND(404, "Not found"),
        METHOD_NOT_ALLOWED(405, "Method not allowed"),
        CONFLICT(409, "Conflict"),
        TOO_LARGE(413, "Payload too large"),
        UNSUPPORTED_TYPE(415, "Unsupported media type"),
        UNPROCESSABLE(422, "Unprocessable content"),
        TOO_MANY_REQUESTS(429, "Too many requests"),
        INTERNAL(500, "Internal error"),
        UNAVAILABLE(503, "Service unavailable");

        public final int status;
        public final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    public static Kind kindOf(int status) {
        for (Kind k : Kind.values()) {
            if (k.status == status) {
                return k;
            }
        }
        return status >= 500 ? Kind.INTERNAL : Kind.INVALID;
    }

    private final Kind kind;
    private final Map<String, String> errors;

    public Problem(Kind kind, String detail, Map<String, String> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    public Problem(Kind kind, String detail) {
        this(kind, detail, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public Details details() {
        return new Details(kind, getMessage(), errors);
    }

    /** The serialisable form that travels inside Axon's handler exceptions (also over Axon Server). */
    public record Details(Kind kind, String detail, Map<String, String> errors) {
        public Problem toProblem() {
            return new Problem(kind, detail, errors);
        }
    }

    public static Problem invalid(String field, String message) {
        return new Problem(Kind.INVALID, field + ": " + message, Map.of(field, message));
    }

    public static Problem invalid(String detail) {
        return new Problem(Kind.INVALID, detail);
    }

    public static Problem notFound(String what) {
        return new Problem(Kind.NOT_FOUND, what + " not found");
    }

    public static Problem forbidden(String detail) {
        return new Problem(Kind.FORBIDDEN, detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(Kind.CONFLICT, detail);
    }
}
