package com.gatehouse.server.security;

import com.gatehouse.server.config.GatehouseProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * The built-in issuer's RS256 key: made once, kept in {@code <data-dir>/keys/jwt-signing-key.json}
 * (owner-only), so tokens stay valid across restarts; and the Ed25519 key that signs staff cards
 * ({@link StaffCardKey}, {@code keys/staff-card-key.json}). Only the public halves are published (JWKS).
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey key;
    private final StaffCardKey cardKey;

    private SigningKeys(RSAKey key, StaffCardKey cardKey) {
        this.key = key;
        this.cardKey = cardKey;
    }

    public static SigningKeys loadOrCreate(GatehouseProperties properties) {
        Path file = properties.dataDir().resolve("keys").resolve("jwt-signing-key.json");
        StaffCardKey cardKey = StaffCardKey.loadOrCreate(file.resolveSibling("staff-card-key.json"));
        try {
            if (Files.exists(file)) {
                return new SigningKeys(RSAKey.parse(Files.readString(file)), cardKey);
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: rely on the data directory's own permissions
            }
            Files.writeString(tmp, key.toJSONString());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Created the JWT signing key {}", file);
            return new SigningKeys(key, cardKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the JWT signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The JWT signing key " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    public RSAKey privateKey() {
        return key;
    }

    /** The key that signs staff cards. */
    public StaffCardKey cardKey() {
        return cardKey;
    }

    public JWKSet publicKeys() {
        return new JWKSet(List.of(key.toPublicJWK(), cardKey.publicJwk()));
    }
}
