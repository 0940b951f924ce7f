package com.gatehouse.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * The key that signs staff cards: Ed25519 (JWS alg {@code EdDSA}), through the JDK's own implementation. Its
 * signature is 64 bytes (RS256's is 256), so a card's QR code is far sparser; and Ed25519 signatures are
 * deterministic, so one card version is always the same token (printing the card again prints the same code).
 * It signs nothing else but the gate's QR tokens ({@link JwtGateTokens}: pre-approvals and gate passes, each with a type of its own). Kept in PostgreSQL with the access-token keys, so every instance signs and verifies
 * the same cards; the public half is published in the JWKS next to the access-token key. Part of
 * {@link SigningKeys}.
 */
public final class StaffCardKey {

    private static final String ALGORITHM = "Ed25519";
    /** The raw 32-byte public key is the tail of its X.509 encoding. */
    private static final int RAW = 32;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private StaffCardKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = thumbprint(raw(publicKey)).substring(0, 8);
    }

    /** A new key. */
    static StaffCardKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new StaffCardKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a staff card key: " + e.getMessage(), e);
        }
    }

    /** A key in its stored form: {@code {"pkcs8": <base64>, "x509": <base64>}} (the database row, or the old file). */
    static StaffCardKey fromStored(String stored) {
        try {
            Map<?, ?> parts = new ObjectMapper().readValue(stored, Map.class);
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new StaffCardKey(
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode((String) parts.get("pkcs8")))),
                    factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) parts.get("x509")))));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("A staff card key is unreadable: " + e.getMessage(), e);
        }
    }

    /** The stored form ({@link #fromStored}). */
    String toStored() {
        try {
            return new ObjectMapper().writeValueAsString(Map.of(
                    "pkcs8", Base64.getEncoder().encodeToString(privateKey.getEncoded()),
                    "x509", Base64.getEncoder().encodeToString(publicKey.getEncoded())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key file of an earlier version ({@code <data-dir>/keys/staff-card-key.json}), if there is one. */
    static java.util.Optional<StaffCardKey> readFile(Path file) {
        try {
            return Files.exists(file) ? java.util.Optional.of(fromStored(Files.readString(file))) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the staff card key " + file, e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The 64-byte Ed25519 signature of {@code input}. */
    public byte[] sign(byte[] input) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a staff card: " + e.getMessage(), e);
        }
    }

    public boolean verify(byte[] input, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(input);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public half as a JWK ({@code kty OKP, crv Ed25519, alg EdDSA}). */
    public OctetKeyPair publicJwk() {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw(publicKey)))
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.EdDSA).keyID(keyId).build();
    }

    private static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - RAW, encoded.length);
    }

    private static String thumbprint(byte[] raw) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(raw)).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
