package com.gatehouse.server.security;

import com.gatehouse.server.config.GatehouseProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The built-in issuer's keys, kept in PostgreSQL ({@code signing_key}) so that every instance signs with the
 * same keys and verifies every instance's tokens and staff cards: RS256 keys for access tokens (and cards
 * printed before the Ed25519 card key), Ed25519 ({@code EdDSA}, {@link StaffCardKey}) for staff cards. The
 * newest active key of each kind signs; every active key verifies and is published (public halves only, JWKS). {@link #rotate()} adds a newer key: the
 * others keep verifying until retired, and every instance signs with the new one within
 * {@value #REFRESH_MILLIS} ms (at once when it meets a token signed with a key it does not know yet).
 * <p>
 * The first start on a database without keys makes them, unless the data dir holds the key files of an earlier
 * version ({@code <data-dir>/keys/jwt-signing-key.json}, {@code staff-card-key.json}): those keys are imported,
 * so tokens and printed staff cards signed before keep verifying. A key file next to a database that already has keys is imported as an
 * older key (it verifies, it does not sign). Instances starting together agree on one key (advisory lock).
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    static final String RS256 = JWSAlgorithm.RS256.getName();
    static final String EDDSA = JWSAlgorithm.EdDSA.getName();
    static final long REFRESH_MILLIS = 30_000;
    /** An unknown key id reloads the keys at most this often (a flood of forged ids never floods the database). */
    static final long UNKNOWN_KID_RELOAD_MILLIS = 1_000;
    private static final long LOCK = 0x6761_7465_6b65_7973L; // "gatekeys"

    private record Loaded(Map<String, JWK> active, RSAKey signer, Map<String, StaffCardKey> cardKeys,
                          StaffCardKey cardSigner, long at) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private volatile Loaded loaded;

    private SigningKeys(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public static SigningKeys start(GatehouseProperties properties, JdbcTemplate jdbc,
                                    PlatformTransactionManager transactionManager) {
        var keys = new SigningKeys(jdbc, new TransactionTemplate(transactionManager));
        Path file = properties.dataDir().resolve("keys").resolve("jwt-signing-key.json");
        keys.transactions.executeWithoutResult(tx -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK);
            keys.importKeyFile(file);
            StaffCardKey.readFile(file.resolveSibling("staff-card-key.json")).ifPresent(card -> {
                if (!keys.known(card.keyId())) {
                    keys.insert(card.keyId(), EDDSA, card.toStored(), true);
                    log.info("Imported the staff card key {}", card.keyId());
                }
            });
            if (!keys.hasActive(RS256)) {
                RSAKey key = newKey();
                keys.insert(key.getKeyID(), RS256, key.toJSONString(), false);
            }
            if (!keys.hasActive(EDDSA)) {
                StaffCardKey card = StaffCardKey.generate();
                keys.insert(card.keyId(), EDDSA, card.toStored(), false);
            }
        });
        keys.reload();
        return keys;
    }

    /** The key that signs now (private). */
    public RSAKey privateKey() {
        Loaded current = loaded;
        if (System.currentTimeMillis() - current.at() > REFRESH_MILLIS) {
            current = reload();
        }
        return current.signer();
    }

    /** The key that signs staff cards now. */
    public StaffCardKey cardKey() {
        Loaded current = loaded;
        if (System.currentTimeMillis() - current.at() > REFRESH_MILLIS) {
            current = reload();
        }
        return current.cardSigner();
    }

    /** The active staff card key with this id, if any. */
    public Optional<StaffCardKey> cardKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        Loaded current = loaded;
        StaffCardKey key = current.cardKeys().get(kid);
        if (key == null && System.currentTimeMillis() - current.at() > UNKNOWN_KID_RELOAD_MILLIS) {
            key = reload().cardKeys().get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** Every active key, public halves only: what {@code /.well-known/jwks.json} publishes. */
    public JWKSet publicKeys() {
        Loaded current = loaded;
        if (System.currentTimeMillis() - current.at() > REFRESH_MILLIS) {
            current = reload();
        }
        return new JWKSet(current.active().values().stream().map(JWK::toPublicJWK).toList());
    }

    /** The active key with this id, if any; a key made by another instance a moment ago is found too. */
    public Optional<JWK> verificationKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        Loaded current = loaded;
        JWK key = current.active().get(kid);
        if (key == null && System.currentTimeMillis() - current.at() > UNKNOWN_KID_RELOAD_MILLIS) {
            key = reload().active().get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** Whether a key id is known without going to the database (the reactive decoder asks before blocking). */
    boolean knows(String kid) {
        return kid != null && loaded.active().containsKey(kid);
    }

    /** Makes a new access-token signing key; it signs from now on (on every instance within the refresh period). */
    public String rotate() {
        RSAKey key = newKey();
        transactions.executeWithoutResult(tx -> insert(key.getKeyID(), RS256, key.toJSONString(), false));
        reload();
        log.info("Rotated the JWT signing key: {} signs from now on", key.getKeyID());
        return key.getKeyID();
    }

    /** One key as operators see it (never its private part). */
    public record KeyInfo(String kid, String algorithm, java.time.Instant createdAt, java.time.Instant retiredAt,
                          boolean signing) {
    }

    /** Every key, newest first. */
    public List<KeyInfo> list() {
        Loaded current = reload();
        var signing = Set.of(current.signer().getKeyID(), current.cardSigner().keyId());
        return jdbc.query("select kid, algorithm, created_at, retired_at from signing_key order by created_at desc, kid",
                (rs, i) -> new KeyInfo(rs.getString("kid"), rs.getString("algorithm"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant(),
                        signing.contains(rs.getString("kid"))));
    }

    /**
     * Stops a key from verifying (tokens and staff cards signed with it are refused from then on, on every
     * instance within the refresh period). The key that signs now cannot be retired: rotate first.
     */
    public void retire(String kid) {
        Loaded current = reload();
        if (current.signer().getKeyID().equals(kid) || current.cardSigner().keyId().equals(kid)) {
            throw com.gatehouse.api.common.Problem.conflict("Key " + kid + " signs now: rotate first, then retire it");
        }
        if (jdbc.update("update signing_key set retired_at = now() where kid = ? and retired_at is null", kid) == 0) {
            throw com.gatehouse.api.common.Problem.notFound("Active signing key");
        }
        reload();
    }

    private synchronized Loaded reload() {
        Map<String, JWK> active = new LinkedHashMap<>();
        Map<String, StaffCardKey> cardKeys = new LinkedHashMap<>();
        RSAKey signer = null;
        StaffCardKey cardSigner = null;
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select kid, algorithm, jwk from signing_key where retired_at is null order by created_at desc, kid");
        for (var row : rows) {
            String kid = (String) row.get("kid");
            try {
                if (EDDSA.equals(row.get("algorithm"))) {
                    StaffCardKey card = StaffCardKey.fromStored((String) row.get("jwk"));
                    cardKeys.put(kid, card);
                    active.put(kid, card.publicJwk());
                    cardSigner = cardSigner == null ? card : cardSigner;
                } else {
                    JWK key = JWK.parse((String) row.get("jwk"));
                    active.put(kid, key);
                    if (signer == null && RS256.equals(row.get("algorithm")) && key instanceof RSAKey rsa) {
                        signer = rsa;
                    }
                }
            } catch (ParseException e) {
                throw new IllegalStateException("The signing key " + kid + " is unreadable: " + e.getMessage(), e);
            }
        }
        if (signer == null || cardSigner == null) {
            throw new IllegalStateException("No active RS256 and EdDSA signing keys in signing_key");
        }
        // published in a stable order: the key that signs access tokens first, then the others newest first
        Map<String, JWK> ordered = new LinkedHashMap<>();
        ordered.put(signer.getKeyID(), active.get(signer.getKeyID()));
        ordered.putAll(active);
        Loaded next = new Loaded(java.util.Collections.unmodifiableMap(ordered), signer, Map.copyOf(cardKeys), cardSigner,
                System.currentTimeMillis());
        loaded = next;
        return next;
    }

    private boolean known(String kid) {
        Integer count = jdbc.queryForObject("select count(*) from signing_key where kid = ?", Integer.class, kid);
        return count != null && count > 0;
    }

    private boolean hasActive(String algorithm) {
        Integer count = jdbc.queryForObject(
                "select count(*) from signing_key where algorithm = ? and retired_at is null", Integer.class, algorithm);
        return count != null && count > 0;
    }

    /** A key file of an earlier version: imported once; the newest key only if the database had none. */
    private void importKeyFile(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            RSAKey key = RSAKey.parse(Files.readString(file));
            if (!known(key.getKeyID())) {
                insert(key.getKeyID(), RS256, key.toJSONString(), true);
                log.info("Imported the JWT signing key {} from {}", key.getKeyID(), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWT signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The JWT signing key " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Inserts a key as the newest, or ({@code older}) behind every key there is. */
    private void insert(String kid, String algorithm, String stored, boolean older) {
        jdbc.update("""
                insert into signing_key (kid, algorithm, jwk, created_at)
                select ?, ?, ?, case when ? then coalesce((select min(created_at) from signing_key where algorithm = ?),
                                                          now()) - interval '1 second'
                                     else greatest(now(), (select max(created_at) from signing_key where algorithm = ?)
                                                          + interval '1 millisecond')
                                end""",
                kid, algorithm, stored, older, algorithm, algorithm);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make a JWT signing key: " + e.getMessage(), e);
        }
    }
}
