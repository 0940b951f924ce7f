package com.gatehouse.server.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.Problem;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * How request bodies are read: JSON of at most {@code spring.codec.max-in-memory-size} (256 KB; larger
 * answers 413), nested at most {@value #MAX_NESTING} levels deep (deeper answers 400), every text field
 * through {@link RequestText}; a request the security firewall refuses answers problem+json too. Its own copy of the application's ObjectMapper, so events and stored JSON
 * are read exactly as before.
 */
@Configuration
public class RequestBodies {

    /** The deepest nesting of arrays and objects a request body may have. */
    public static final int MAX_NESTING = 32;

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public CodecCustomizer requestBodyDecoder(ObjectMapper application) {
        ObjectMapper requests = application.copy().registerModule(RequestText.module());
        requests.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .build());
        return configurer -> configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(requests));
    }

    /**
     * A request Spring Security's firewall refuses before any handler (an encoded NUL or "/../" in the path,
     * ...) answers problem+json like every other refusal.
     */
    @Bean
    public ServerExchangeRejectedHandler problemOnRejectedExchange(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange,
                Problem.invalid("The request path or headers are not allowed: " + rejected.getMessage()));
    }
}
