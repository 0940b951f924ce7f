package com.gatehouse.server.security;

import com.gatehouse.api.common.Caller;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives REST handlers their {@link Caller}, checked against the handler's {@code @Allowed} roles and refused (403)
 * when their society is inactive ({@link InactiveSocieties}).
 */
@Configuration
public class CallerArgumentResolver implements HandlerMethodArgumentResolver, WebFluxConfigurer {

    private final InactiveSocieties societies;

    public CallerArgumentResolver(InactiveSocieties societies) {
        this.societies = societies;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return societies.callerOf(parameter).cast(Object.class);
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(this);
    }
}
