package com.gatehouse.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.Problem;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every error answer of the HTTP API, as RFC 9457 {@code application/problem+json}: one mapping from
 * exceptions (ours, Axon's, Spring's) to {@link Problem}s. Never a stack trace; an unexpected failure
 * is a 500 with a reference to the log line.
 */
@Component
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final ObjectMapper json;
    private final DataSize bodyLimit;

    public ProblemResponses(ObjectMapper json,
                            @Value("${spring.codec.max-in-memory-size:256KB}") DataSize bodyLimit) {
        this.json = json;
        this.bodyLimit = bodyLimit;
    }

    public Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException e) {
        return write(exchange, Unauthenticated.of(e));
    }

    /**
     * 401 with its RFC 6750 challenge: {@code Bearer} alone when no token came, {@code error="invalid_token"}
     * with a description saying whether the token expired when one did.
     */
    static final class Unauthenticated extends Problem {
        final String challenge;

        private Unauthenticated(String detail, String challenge) {
            super(Kind.UNAUTHENTICATED, detail);
            this.challenge = challenge;
        }

        static Unauthenticated of(AuthenticationException e) {
            if (!(e instanceof org.springframework.security.oauth2.server.resource.InvalidBearerTokenException)) {
                return new Unauthenticated("A valid bearer token is required", "Bearer");
            }
            if (expired(e)) {
                return new Unauthenticated("The bearer token has expired: refresh it (POST /api/v1/auth/refresh) "
                        + "or log in again", "Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
            }
            return new Unauthenticated("The bearer token is invalid",
                    "Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"");
        }

        private static boolean expired(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.springframework.security.oauth2.jwt.JwtValidationException validation
                        && validation.getErrors().stream().anyMatch(error -> error.getDescription() != null
                        && error.getDescription().contains("expired"))) {
                    return true;
                }
            }
            return e.getMessage() != null && e.getMessage().contains("expired");
        }
    }

    public Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException e) {
        return write(exchange, Problem.forbidden("Your role may not do this"));
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.kind().status));
        response.getHeaders().setContentType(PROBLEM_JSON);
        if (problem.kind() == Problem.Kind.UNAUTHENTICATED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    problem instanceof Unauthenticated u ? u.challenge : "Bearer");
        }
        if (problem instanceof com.gatehouse.server.auth.LoginThrottle.Throttled throttled) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:gatehouse:problem:" + problem.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", problem.kind().title);
        body.put("status", problem.kind().status);
        body.put("detail", problem.getMessage());
        body.put("instance", exchange.getRequest().getPath().value());
        if (!problem.errors().isEmpty()) {
            body.put("errors", new TreeMap<>(problem.errors()));
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (Exception e) {
            return Mono.error(e);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The problem an exception stands for, as an answer to this request. */
    public Problem toProblem(Throwable error, ServerWebExchange exchange) {
        if (error instanceof UnsupportedMediaTypeStatusException
                && exchange.getRequest().getHeaders().getContentType() == null) {
            return new Problem(Problem.Kind.UNSUPPORTED_TYPE,
                    "Expected a JSON body with Content-Type: application/json, got no Content-Type");
        }
        return toProblem(error);
    }

    /** The problem an exception stands for. */
    public Problem toProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Problem p) {
                return p;
            }
            if (t instanceof HandlerExecutionException h && h.getDetails().orElse(null) instanceof Problem.Details d) {
                return d.toProblem();
            }
            if (t instanceof ConcurrencyException) {
                return Problem.conflict("Someone changed this at the same moment; reload and try again");
            }
            if (t instanceof AggregateNotFoundException || t instanceof IncompatibleAggregateException) {
                // no such aggregate, or an id that belongs to another kind of aggregate
                return Problem.notFound("Resource");
            }
            if (t instanceof DataBufferLimitException) {
                return new Problem(Problem.Kind.TOO_LARGE, "The request body is larger than " + bodyLimit.toKilobytes()
                        + " KB (spring.codec.max-in-memory-size)");
            }
        }
        if (error instanceof WebExchangeBindException bind) {
            Map<String, String> fields = new TreeMap<>();
            bind.getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
            bind.getGlobalErrors().forEach(g -> fields.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
            return new Problem(Problem.Kind.INVALID, "The request has invalid fields: " + String.join(", ", fields.keySet()),
                    fields);
        }
        if (error instanceof MissingRequestValueException missing) {
            return Problem.invalid(missing.getName(), "is required");
        }
        if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
            String given = unsupported.getContentType() == null ? "no Content-Type"
                    : "Content-Type " + unsupported.getContentType();
            return new Problem(Problem.Kind.UNSUPPORTED_TYPE,
                    "Expected a JSON body with Content-Type: application/json, got " + given);
        }
        if (error instanceof ServerWebInputException input) {
            return inputProblem(input);
        }
        if (error instanceof ServerErrorException missing && missing.getMethodParameter() != null
                && missing.getMethodParameter().hasParameterAnnotation(PathVariable.class)) {
            // a path segment that converts to nothing (a blank id): the client's mistake, not the server's
            MethodParameter parameter = missing.getMethodParameter();
            return Problem.invalid(parameter.getParameterName(), expected(parameter.getParameterType()));
        }
        if (error instanceof MethodNotAllowedException) {
            return new Problem(Problem.Kind.METHOD_NOT_ALLOWED, "This method is not allowed here");
        }
        if (error instanceof ResponseStatusException status) {
            var kind = Problem.kindOf(status.getStatusCode().value());
            return new Problem(kind, kind == Problem.Kind.NOT_FOUND ? "No such resource" : kind.title);
        }
        if (error instanceof AuthenticationException auth) {
            return Unauthenticated.of(auth);
        }
        if (error instanceof AccessDeniedException) {
            return Problem.forbidden("Your role may not do this");
        }
        return null;
    }

    /** A request that could not be read: which parameter or field, and what was expected instead. */
    private static Problem inputProblem(ServerWebInputException input) {
        Throwable cause = input.getCause();
        if (cause instanceof DecodingException decoding) {
            Throwable json = decoding.getCause();
            if (json instanceof StreamConstraintsException) {
                return Problem.invalid("The request body is nested deeper than " + RequestBodies.MAX_NESTING + " levels");
            }
            if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = fieldPath(mapping);
                if (mapping instanceof RequestText.Refused refused) {
                    return Problem.invalid(field, refused.reason());
                }
                if (mapping.getCause() instanceof StreamConstraintsException) {
                    return Problem.invalid("The request body is nested deeper than " + RequestBodies.MAX_NESTING + " levels");
                }
                Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
                return Problem.invalid(field, expected(target));
            }
            return Problem.invalid("The request body is not valid JSON");
        }
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null
                && input.getCause() != null) {
            return Problem.invalid(input.getMethodParameter().getParameterName(),
                    expected(input.getMethodParameter().getParameterType()));
        }
        if (input.getReason() != null && (input.getReason().contains("body is missing")
                || input.getReason().contains("No request body"))) {
            return Problem.invalid("A JSON body is required");
        }
        return Problem.invalid("The request body is not valid JSON");
    }

    /** What a value of this type must look like, in the words of a client developer. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == java.util.UUID.class || type.getSimpleName().endsWith("Id")) {
            return "must be a UUID";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number in range";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date or time";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    private static String fieldPath(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Logs an unexpected failure and answers a 500 that reveals nothing but a reference. */
    public Problem unexpected(Throwable error) {
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unexpected failure {}", reference, error);
        return new Problem(Problem.Kind.INTERNAL, "Unexpected failure; reference " + reference);
    }
}
