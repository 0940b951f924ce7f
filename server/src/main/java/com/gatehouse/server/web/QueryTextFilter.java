package com.gatehouse.server.web;

import com.gatehouse.api.common.Problem;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Refuses (400 naming the parameter) a query parameter holding a control character or a lone surrogate,
 * before any handler reads it: the query-string side of {@link RequestText}.
 */
@Component
public class QueryTextFilter implements WebFilter {

    private final ProblemResponses problems;

    public QueryTextFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
            String name = parameter.getKey();
            String problem = RequestText.controlCharacter(name, false);
            for (String value : parameter.getValue()) {
                if (problem == null && value != null) {
                    problem = RequestText.controlCharacter(value, false);
                }
            }
            if (problem != null) {
                String field = RequestText.controlCharacter(name, false) == null ? name : "query";
                return problems.write(exchange, Problem.invalid(field, problem));
            }
        }
        return chain.filter(exchange);
    }
}
