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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
 * It signs nothing else. Made once and kept in {@code <data-dir>/keys/staff-card-key.json} (owner-only); the
 * public half is published in the JWKS next to the access-token key. Part of {@link SigningKeys}.
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

    static StaffCardKey loadOrCreate(Path file) {
        var json = new ObjectMapper();
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            if (Files.exists(file)) {
                Map<?, ?> stored = json.readValue(file.toFile(), Map.class);
                return new StaffCardKey(
                        factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode((String) stored.get("pkcs8")))),
                        factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) stored.get("x509")))));
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: rely on the data directory's own permissions
            }
            json.writeValue(tmp.toFile(), Map.of(
                    "pkcs8", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    "x509", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return new StaffCardKey(pair.getPrivate(), pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the staff card key " + file, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The staff card key " + file + " is unreadable: " + e.getMessage(), e);
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
