package com.gatehouse.server.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The access token from {@code Authorization: Bearer <token>}, read as {@link ServerBearerTokenAuthenticationConverter}
 * reads it by default (a header that is not a bearer one is no token; a malformed one is a 401 {@code invalid_token}),
 * without its regular expression {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, which walked the whole token on
 * every request: a seventh of the HTTP threads' CPU. Tokens in query parameters or form bodies stay refused.
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private static final String PREFIX = "Bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
                return Mono.empty();
            }
            String token = token(header);
            if (token == null) {
                return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
            }
            return Mono.just(new BearerTokenAuthenticationToken(token));
        });
    }

    /** The token of a well-formed header ({@code Bearer } in any case, then token68 characters), else null. */
    static String token(String header) {
        if (header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        int end = header.length();
        while (end > PREFIX.length() && header.charAt(end - 1) == '=') {
            end--;
        }
        if (end == PREFIX.length()) {
            return null; // "=" alone: at least one token character comes first
        }
        for (int i = PREFIX.length(); i < end; i++) {
            if (!tokenCharacter(header.charAt(i))) {
                return null;
            }
        }
        return header.substring(PREFIX.length());
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
