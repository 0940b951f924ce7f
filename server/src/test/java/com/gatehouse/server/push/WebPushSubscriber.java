package com.gatehouse.server.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** A browser's side of Web Push: its subscription keys, and decrypting what the push service delivers (RFC 8291). */
record WebPushSubscriber(String endpoint, KeyPair keys, byte[] auth) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    static WebPushSubscriber create(String endpoint) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return new WebPushSubscriber(endpoint, generator.generateKeyPair(), auth);
    }

    String subscriptionJson() throws Exception {
        return JSON.writeValueAsString(Map.of("endpoint", endpoint,
                "keys", Map.of("p256dh", B64.encodeToString(point((ECPublicKey) keys.getPublic())),
                        "auth", B64.encodeToString(auth))));
    }

    String pathToken() {
        return endpoint.substring(endpoint.lastIndexOf('/') + 1);
    }

    JsonNode decrypt(byte[] body) throws Exception {
        byte[] salt = Arrays.copyOfRange(body, 0, 16);
        int idLength = body[20] & 0xff;
        byte[] asPublic = Arrays.copyOfRange(body, 21, 21 + idLength);
        byte[] ciphertext = Arrays.copyOfRange(body, 21 + idLength, body.length);
        ECPublicKey mine = (ECPublicKey) keys.getPublic();
        var params = mine.getParams();
        var sender = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(asPublic, 1, 33)), new BigInteger(1, Arrays.copyOfRange(asPublic, 33, 65))),
                params));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(keys.getPrivate());
        agreement.doPhase(sender, true);
        byte[] ikm = hmac(hmac(auth, agreement.generateSecret()),
                concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), point(mine), asPublic, new byte[]{1}));
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
                new byte[]{1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                new byte[]{1})), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] plain = aes.doFinal(ciphertext);
        int end = plain.length - 1;
        while (plain[end] == 0) {
            end--;
        }
        if (plain[end] != 2) {
            throw new IllegalStateException("not the last record");
        }
        return JSON.readTree(Arrays.copyOf(plain, end));
    }

    /** {@code vapid t=<jwt>, k=<key>}: the JWT is signed (ES256) by the key the server was configured with. */
    static boolean vapidSignatureValid(String authorization, ECPublicKey key) throws Exception {
        String jwt = authorization.substring(authorization.indexOf("t=") + 2, authorization.indexOf(','));
        String[] parts = jwt.split("\\.");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(key);
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return es256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copy32(key.getW().getAffineX().toByteArray(), out, 1);
        copy32(key.getW().getAffineY().toByteArray(), out, 33);
        return out;
    }

    private static void copy32(byte[] unsigned, byte[] into, int at) {
        int n = Math.min(32, unsigned.length);
        System.arraycopy(unsigned, unsigned.length - n, into, at + 32 - n, n);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
