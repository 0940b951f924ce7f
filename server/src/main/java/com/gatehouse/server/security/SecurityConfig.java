package com.gatehouse.server.security;

import com.gatehouse.api.common.Role;
import com.gatehouse.server.config.GatehouseProperties;
import com.gatehouse.server.web.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * HTTP security: stateless bearer JWTs everywhere but login/refresh, health, JWKS, API docs and the
 * RSocket endpoint (which authenticates its own setup frame). Health answers anyone with a bare
 * {@code {"status":"UP"}} (or DOWN) and shows its components and details only to a SUPER_ADMIN
 * ({@code management.endpoint.health.*} in application.yml); every other actuator endpoint, Prometheus
 * included, needs a SUPER_ADMIN token. Which role may call which API endpoint is declared on the handler
 * ({@code @Allowed}) and checked by {@link Callers}; failures are problem+json.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfig {

    static final String[] PUBLIC = {
            "/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/resident-app/login", "/api/v1/auth/guard-app/login",
            "/.well-known/jwks.json", "/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/rsocket",
            "/api/v1/auth/otp/send", "/api/v1/auth/otp/verify", "/api/v1/auth/change-password"};

    @Bean
    public SigningKeys signingKeys(GatehouseProperties properties, JdbcTemplate jdbc,
                                   PlatformTransactionManager transactionManager) {
        return SigningKeys.start(properties, jdbc, transactionManager);
    }

    /** The built-in issuer's decoder; replaced by Boot's own when an external issuer-uri is configured. */
    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()")
    public ReactiveJwtDecoder builtInJwtDecoder(SigningKeys keys, GatehouseProperties properties) {
        // the key named by the token's kid, among the active keys every instance shares (a key unknown here is
        // looked up in the database off the event loop: another instance may have rotated a moment ago); each key's
        // verifier is made once (turning a stored JWK into a Java key decodes its numbers, on every request else)
        var verifiers = new TokenVerifiers(keys);
        var decoder = new NimbusReactiveJwtDecoder(verifiers::claims);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(VerifiedTokens.SKEW_SECONDS)),
                new JwtIssuerValidator(properties.jwt().issuer())));
        // a token that passed all of that is remembered until it expires (or its key retires)
        return new VerifiedTokens(decoder, keys::knows);
    }

    /**
     * No observation per security filter and authorization decision: they were a tenth of the HTTP threads' CPU.
     * Requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    public SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, with its header name and value rules checked without regular expressions. */
    @Bean
    public ServerWebExchangeFirewall firewall() {
        return HeaderValues.firewall();
    }

    @Bean
    public SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(PUBLIC).permitAll()
                        .pathMatchers("/actuator", "/actuator/**").hasAuthority(Role.SUPER_ADMIN.authority())
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> Mono.just(Callers.authenticate(token))))
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .build();
    }
}
