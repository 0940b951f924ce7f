package com.gatehouse.server.security;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a verified JWT into a {@link Caller} and checks it against a handler's {@link Allowed} roles:
 * the single place where REST and RSocket decide who may call what.
 * <p>
 * Claims: {@code sub} (user id), {@code role}, {@code societyId}, {@code flatId}. Tokens of an external
 * OpenID issuer may carry the role in {@code realm_access.roles} (Keycloak) instead.
 */
public final class Callers {

    public static final String ROLE = "role";
    public static final String SOCIETY_ID = "societyId";
    public static final String FLAT_ID = "flatId";
    /** The login (refresh-token family) a built-in access token belongs to: logging out ends its live streams. */
    public static final String SESSION_ID = "sessionId";

    private Callers() {
    }

    /** The authentication Spring Security keeps for a request or an RSocket connection. */
    public static JwtAuthenticationToken authenticate(Jwt jwt) {
        Caller caller = fromJwt(jwt);
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(caller.role().authority())),
                caller.userId().toString());
    }

    public static Caller fromJwt(Jwt jwt) {
        Role role = roleOf(jwt);
        return new Caller(uuid(jwt.getSubject()), role, optionalUuid(jwt.getClaimAsString(SOCIETY_ID)),
                optionalUuid(jwt.getClaimAsString(FLAT_ID)));
    }

    /** The current caller, checked against the roles the handler declares; fails closed. */
    public static Mono<Caller> current(MethodParameter parameter) {
        Allowed allowed = allowedOf(parameter);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(a -> a instanceof JwtAuthenticationToken)
                .map(a -> fromJwt(((JwtAuthenticationToken) a).getToken()))
                .switchIfEmpty(Mono.error(() -> new Problem(Problem.Kind.UNAUTHENTICATED, "A bearer token is required")))
                .map(caller -> {
                    if (allowed == null) {
                        throw Problem.forbidden("This endpoint declares no roles");
                    }
                    return caller.requireRole(allowed.value());
                });
    }

    static Allowed allowedOf(MethodParameter parameter) {
        Allowed onMethod = AnnotatedElementUtils.findMergedAnnotation(parameter.getMethod(), Allowed.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(parameter.getContainingClass(), Allowed.class);
    }

    @SuppressWarnings("unchecked")
    private static Role roleOf(Jwt jwt) {
        String role = jwt.getClaimAsString(ROLE);
        if (role == null && jwt.getClaim("realm_access") instanceof Map<?, ?> realm
                && realm.get("roles") instanceof Collection<?> roles) {
            role = ((Collection<Object>) roles).stream().map(String::valueOf)
                    .filter(r -> isRole(r)).findFirst().orElse(null);
        }
        if (role == null || !isRole(role)) {
            throw new org.springframework.security.oauth2.jwt.BadJwtException("The token carries no known role");
        }
        return Role.valueOf(role);
    }

    private static boolean isRole(String value) {
        for (Role r : Role.values()) {
            if (r.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** External issuers' subjects need not be UUIDs: those map to a stable name-based UUID. */
    private static UUID uuid(String subject) {
        if (subject == null) {
            throw new org.springframework.security.oauth2.jwt.BadJwtException("The token has no subject");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(subject.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static UUID optionalUuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new org.springframework.security.oauth2.jwt.BadJwtException("Malformed id claim");
        }
    }

}
