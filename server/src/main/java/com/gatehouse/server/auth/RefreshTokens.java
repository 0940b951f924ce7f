package com.gatehouse.server.auth;

import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.api.common.SessionSignals;
import com.gatehouse.server.config.GatehouseProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes. Each use rotates the token; presenting a
 * token that was already rotated (a replay, or a stolen copy) revokes its whole family (the login).
 */
@Repository
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final GatehouseProperties properties;
    private final ClusterSignals signals;

    public RefreshTokens(JdbcTemplate jdbc, Clock clock, GatehouseProperties properties, ClusterSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.clock = clock;
        this.properties = properties;
    }

    /** Starts a new family (a login) and answers its first token. */
    public String issue(UUID userId) {
        return issue(userId, UUID.randomUUID());
    }

    private String issue(UUID userId, UUID family) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.update("""
                        insert into auth_refresh_token (token_hash, user_id, family_id, issued_at, expires_at)
                        values (?, ?, ?, ?, ?)""",
                hash(token), userId, family, Timestamp.from(now),
                Timestamp.from(now.plus(properties.jwt().refreshTokenTtl())));
        return token;
    }

    public record Rotation(UUID userId, String refreshToken) {
    }

    /**
     * Uses a token up and answers the user and the next token of the family; empty when the token is
     * unknown, expired or already used (in which case the family is revoked).
     */
    @Transactional
    public Optional<Rotation> rotate(String token) {
        String hash = hash(token);
        var rows = jdbc.query("select user_id, family_id, expires_at from auth_refresh_token where token_hash = ?",
                (rs, i) -> new Object[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant()}, hash);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        UUID user = (UUID) rows.get(0)[0];
        UUID family = (UUID) rows.get(0)[1];
        Instant expires = (Instant) rows.get(0)[2];
        int used = jdbc.update("update auth_refresh_token set revoked_at = ? where token_hash = ? and revoked_at is null",
                Timestamp.from(clock.instant()), hash);
        if (used == 0) {
            revokeFamily(family);
            return Optional.empty();
        }
        if (expires.isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Rotation(user, issue(user, family)));
    }

    /**
     * Revokes the login a token belongs to (logout) and ends that login's live streams on every instance.
     * Unknown tokens are ignored.
     */
    public void revokeFamilyOf(String token, UUID userId) {
        var family = jdbc.queryForList("select family_id from auth_refresh_token where token_hash = ? and user_id = ?",
                UUID.class, hash(token), userId);
        if (family.isEmpty()) {
            return;
        }
        revokeFamily(family.get(0));
        SessionSignals.loggedOut(signals, userId, family.get(0));
    }

    /** The login (family) a refresh token belongs to: the session id its access tokens carry. */
    public UUID sessionOf(String token) {
        return jdbc.queryForList("select family_id from auth_refresh_token where token_hash = ?", UUID.class, hash(token))
                .stream().findFirst().orElse(null);
    }

    /** Whether a login is still on: some token of its family is neither used nor revoked. */
    public boolean sessionActive(UUID family) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from auth_refresh_token where family_id = ? and revoked_at is null)",
                Boolean.class, family));
    }

    public void revokeAllOf(UUID userId) {
        jdbc.update("update auth_refresh_token set revoked_at = coalesce(revoked_at, ?) where user_id = ?",
                Timestamp.from(clock.instant()), userId);
    }

    private void revokeFamily(UUID family) {
        jdbc.update("update auth_refresh_token set revoked_at = coalesce(revoked_at, ?) where family_id = ?",
                Timestamp.from(clock.instant()), family);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
