package com.gatehouse.server.web;

import com.gatehouse.api.common.Problem;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Answers every failure of the HTTP API with problem+json (ahead of Boot's default error page). */
@Component
@Order(-2)
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private final ProblemResponses problems;

    public ProblemExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        Problem problem = problems.toProblem(error, exchange);
        return problems.write(exchange, problem != null ? problem : problems.unexpected(error));
    }
}
