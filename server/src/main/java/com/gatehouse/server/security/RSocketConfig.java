package com.gatehouse.server.security;

import com.gatehouse.api.common.Caller;
import com.gatehouse.server.config.GatehouseProperties;
import com.gatehouse.api.common.ClusterSignals;
import org.springframework.boot.rsocket.messaging.RSocketStrategiesCustomizer;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.boot.autoconfigure.rsocket.RSocketMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.reactive.HandlerMethodArgumentResolver;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.security.config.annotation.rsocket.EnableRSocketSecurity;
import org.springframework.security.config.annotation.rsocket.RSocketSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.rsocket.core.PayloadSocketAcceptorInterceptor;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * RSocket security: the setup frame must carry a valid JWT (bearer authentication metadata), or
 * the connection is rejected. The same interceptor guards the WebSocket endpoint at {@code /rsocket}
 * (Boot's server) and the TCP listener on {@code gatehouse.rsocket.tcp-port} (started here).
 * Route handlers get their {@link Caller} like REST handlers do, checked against {@code @Allowed}.
 * Inside it, on both, {@link LiveStreams} ends streams when the token expires or the account changes, and caps them.
 */
@Configuration
@EnableRSocketSecurity
public class RSocketConfig {

    @Bean
    public PayloadSocketAcceptorInterceptor rsocketSecurity(RSocketSecurity rsocket, ReactiveJwtDecoder decoder) {
        var manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(jwt -> Mono.just(Callers.authenticate(jwt)));
        return rsocket
                .authorizePayload(authorize -> authorize
                        .setup().authenticated()
                        .anyRequest().authenticated()
                        .anyExchange().permitAll())
                .jwt(jwt -> jwt.authenticationManager(manager))
                .build();
    }

    @Bean
    public RSocketMessageHandlerCustomizer callerForRoutes(InactiveSocieties societies) {
        return handler -> {
            handler.registerMessagingAdvice(RSocketRefusals.advice());
            handler.getArgumentResolverConfigurer().addCustomResolver(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Mono<Object> resolveArgument(MethodParameter parameter, Message<?> message) {
                return societies.callerOf(parameter).cast(Object.class);
            }
        });
        };
    }

    @Bean
    public RSocketStrategiesCustomizer bearerMetadata() {
        return strategies -> strategies.encoder(new org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder());
    }

    @Bean
    public LiveStreams liveStreams(LiveStreams.AccessCheck check, ClusterSignals signals, GatehouseProperties properties,
                                   Clock clock) {
        return new LiveStreams(check, signals, properties.rsocket(), clock);
    }

    /**
     * Puts {@link LiveStreams} on Boot's (WebSocket) RSocket server inside Spring Security's interceptor: this
     * customizer runs first, and the first registered socket-acceptor interceptor is the innermost.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public RSocketServerCustomizer liveStreamsOnWebSocket(LiveStreams liveStreams) {
        return server -> server.interceptors(registry -> registry.forSocketAcceptor(liveStreams));
    }

    @Bean
    public RSocketTcpServer rsocketTcpServer(RSocketMessageHandler handler, PayloadSocketAcceptorInterceptor security,
                                             LiveStreams liveStreams, GatehouseProperties properties) {
        return new RSocketTcpServer(handler, security, liveStreams, properties.rsocket().tcpAddress(),
                properties.rsocket().tcpPort());
    }
}
