package com.gatehouse.server.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers access tokens that passed the full check (signature, times, issuer) until they expire, so that a
 * phone's next request with the same token skips parsing it and checking its RSA signature again: that was about a
 * third of the CPU of the HTTP threads, paid by every REST call. A remembered token is served only while it is
 * still within its expiry (with the same {@value #SKEW_SECONDS} s allowance the full check gives) and while the key
 * that signed it is still active: a retired key ends its tokens here at once, as it does there. Access tokens
 * carry no other state (logout and deactivation act on refresh tokens and live streams), so the answer is the same
 * as the full check's. At most {@value #MAX} tokens are kept; past that, expired ones are dropped, and if that is
 * not enough, all (a few kilobytes each: some 30 MB at the most).
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final int MAX = 10_000;
    static final long SKEW_SECONDS = 30;

    private final ReactiveJwtDecoder verifying;
    private final Predicate<String> activeKey;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code activeKey}: whether the key with this id still signs and verifies (not retired). */
    VerifiedTokens(ReactiveJwtDecoder verifying, Predicate<String> activeKey) {
        this.verifying = verifying;
        this.activeKey = activeKey;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillGood(known, Instant.now())) {
                return Mono.just(known);
            }
            verified.remove(token);
        }
        return verifying.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private boolean stillGood(Jwt jwt, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && now.isBefore(expiresAt.plus(Duration.ofSeconds(SKEW_SECONDS)))
                && activeKey.test((String) jwt.getHeaders().get("kid"));
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (verified.size() >= MAX) {
            Instant now = Instant.now();
            verified.values().removeIf(known -> !stillGood(known, now));
            if (verified.size() >= MAX) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }
}
