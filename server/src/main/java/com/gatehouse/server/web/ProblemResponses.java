package com.gatehouse.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.Problem;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
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

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException e) {
        return write(exchange, new Problem(Problem.Kind.UNAUTHENTICATED, describe(e)));
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
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
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
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return new Problem(Problem.Kind.UNSUPPORTED_TYPE, "Send JSON (Content-Type: application/json)");
        }
        if (error instanceof ServerWebInputException input) {
            return Problem.invalid(inputDetail(input));
        }
        if (error instanceof MethodNotAllowedException) {
            return new Problem(Problem.Kind.METHOD_NOT_ALLOWED, "This method is not allowed here");
        }
        if (error instanceof ResponseStatusException status) {
            var kind = Problem.kindOf(status.getStatusCode().value());
            return new Problem(kind, kind == Problem.Kind.NOT_FOUND ? "No such resource" : kind.title);
        }
        if (error instanceof AuthenticationException auth) {
            return new Problem(Problem.Kind.UNAUTHENTICATED, describe(auth));
        }
        if (error instanceof AccessDeniedException) {
            return Problem.forbidden("Your role may not do this");
        }
        return null;
    }

    private static String inputDetail(ServerWebInputException input) {
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null
                && !(input.getCause() instanceof DecodingException)) {
            return "Invalid value for '" + input.getMethodParameter().getParameterName() + "'";
        }
        Throwable cause = input.getCause();
        if (cause instanceof DecodingException decoding
                && decoding.getCause() instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException format) {
            return "Invalid value for '" + fieldPath(format) + "'";
        }
        if (cause instanceof DecodingException decoding
                && decoding.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            return "Invalid value for '" + fieldPath(mapping) + "'";
        }
        if (input.getReason() != null && input.getReason().contains("body is missing")) {
            return "A JSON body is required";
        }
        return "The request body is not valid JSON";
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

    private static String describe(AuthenticationException e) {
        if (e instanceof org.springframework.security.oauth2.server.resource.InvalidBearerTokenException) {
            return "The bearer token is invalid or expired";
        }
        return "A valid bearer token is required";
    }

    /** Logs an unexpected failure and answers a 500 that reveals nothing but a reference. */
    public Problem unexpected(Throwable error) {
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unexpected failure {}", reference, error);
        return new Problem(Problem.Kind.INTERNAL, "Unexpected failure; reference " + reference);
    }
}
