package com.gatehouse.server.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token is checked in full once, then served from memory while it is unexpired and its key active; an expired
 * token or one whose key retired is checked in full again (and refused there), a refused token is never remembered.
 */
class VerifiedTokensTest {

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final Set<String> activeKeys = new HashSet<>(Set.of("k1"));

    /** The full check: accepts "good-*" tokens (signed by k1, expiring as the token says), refuses the rest. */
    private ReactiveJwtDecoder fullCheck(Instant expiresAt) {
        return token -> {
            fullChecks.incrementAndGet();
            if (!token.startsWith("good") || !activeKeys.contains("k1") || !Instant.now().isBefore(expiresAt.plusSeconds(30))) {
                return Mono.error(new BadJwtException("refused"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").header("kid", "k1")
                    .subject("user").issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt).build());
        };
    }

    @Test
    void aGoodTokenIsCheckedInFullOnceThenRemembered() {
        var tokens = new VerifiedTokens(fullCheck(Instant.now().plusSeconds(900)), activeKeys::contains);
        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode("good-1").block(Duration.ofSeconds(1)).getSubject()).isEqualTo("user");
        }
        assertThat(fullChecks).hasValue(1);
        tokens.decode("good-2").block(Duration.ofSeconds(1));
        assertThat(fullChecks).as("another token is checked on its own").hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        var tokens = new VerifiedTokens(fullCheck(Instant.now().plusSeconds(900)), activeKeys::contains);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged").block(Duration.ofSeconds(1))).isInstanceOf(BadJwtException.class);
        }
        assertThat(fullChecks).hasValue(3);
    }

    @Test
    void aTokenRememberedWhileValidIsNotServedPastItsExpiry() throws Exception {
        // valid (with the allowance) for 2 more seconds
        Instant expiresAt = Instant.now().minusSeconds(VerifiedTokens.SKEW_SECONDS).plusMillis(2_000);
        var tokens = new VerifiedTokens(fullCheck(expiresAt), activeKeys::contains);
        tokens.decode("good-1").block(Duration.ofSeconds(1));
        tokens.decode("good-1").block(Duration.ofSeconds(1));
        assertThat(fullChecks).as("remembered while valid").hasValue(1);
        Thread.sleep(Duration.between(Instant.now(), expiresAt.plusSeconds(VerifiedTokens.SKEW_SECONDS)).toMillis() + 50);
        assertThatThrownBy(() -> tokens.decode("good-1").block(Duration.ofSeconds(1))).isInstanceOf(BadJwtException.class);
        assertThat(fullChecks).as("past its expiry the full check decides").hasValue(2);
    }

    @Test
    void aTokenWhoseKeyRetiredIsCheckedAgainAndRefused() {
        var tokens = new VerifiedTokens(fullCheck(Instant.now().plusSeconds(900)), activeKeys::contains);
        tokens.decode("good-1").block(Duration.ofSeconds(1));
        activeKeys.remove("k1");
        assertThatThrownBy(() -> tokens.decode("good-1").block(Duration.ofSeconds(1))).isInstanceOf(BadJwtException.class);
        assertThat(fullChecks).hasValue(2);
    }
}
