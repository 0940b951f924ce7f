package com.gatehouse.command.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.push.DevicePlatform;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Web Push for browsers (platform WEB): the device's token is the browser's push subscription as JSON
 * ({@code {"endpoint": ..., "keys": {"p256dh": ..., "auth": ...}}}). Each push is encrypted for that
 * subscription (RFC 8291, {@code aes128gcm}) and signed for the push service with the server's VAPID key
 * (RFC 8292, ES256). Topic = the message id (a resend replaces), Urgency high for urgent pushes.
 * Answers: 2xx accepted; 404/410 the subscription is gone; 429/5xx retry (Retry-After honoured); else failed.
 */
class WebPushProvider implements PushProvider {

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Base64.Encoder B64E = Base64.getUrlEncoder().withoutPadding();
    private static final int RECORD_SIZE = 4096;

    private final PushSettings.WebPush settings;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final ECParameterSpec p256;
    private final PrivateKey vapidPrivate;
    private final SecureRandom random = new SecureRandom();

    WebPushProvider(PushSettings.WebPush settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        try {
            var parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            this.p256 = parameters.getParameterSpec(ECParameterSpec.class);
            this.vapidPrivate = KeyFactory.getInstance("EC").generatePrivate(
                    new ECPrivateKeySpec(new BigInteger(1, B64.decode(settings.privateKey())), p256));
            publicKey(B64.decode(settings.publicKey())); // fails early on a malformed key
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("gatehouse.push.web-push.public-key/private-key must be a P-256 key "
                    + "pair in base64url (uncompressed point, raw scalar): " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delivers(DevicePlatform platform) {
        return platform == DevicePlatform.WEB;
    }

    @Override
    public Outcome send(PushMessage message) {
        JsonNode subscription;
        try {
            subscription = json.readTree(message.token());
        } catch (IOException e) {
            return new Unregistered("not a push subscription");
        }
        String endpoint = subscription.path("endpoint").asText("");
        if (!endpoint.startsWith("https://") && !endpoint.startsWith("http://")) {
            return new Unregistered("subscription without an endpoint");
        }
        try {
            URI uri = URI.create(endpoint);
            byte[] body = encrypt(payload(message), B64.decode(subscription.path("keys").path("p256dh").asText()),
                    B64.decode(subscription.path("keys").path("auth").asText()));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("Content-Encoding", "aes128gcm")
                    .header("Content-Type", "application/octet-stream")
                    .header("TTL", "86400")
                    .header("Urgency", message.urgent() ? "high" : "normal")
                    .header("Topic", message.messageId().toString().replace("-", ""))
                    .header("Authorization", "vapid t=" + vapidJwt(uri) + ", k=" + settings.publicKey())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Accepted();
            }
            if (status == 404 || status == 410) {
                return new Unregistered("Web Push " + status);
            }
            if (status == 429 || status >= 500) {
                return new Retry("Web Push " + status, RetryAfter.of(response, clock));
            }
            return new Failed("Web Push " + status + " " + abbreviate(response.body()));
        } catch (IOException e) {
            return new Retry("Web Push unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Retry("interrupted", null);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Failed("cannot encrypt for this subscription: " + e.getMessage());
        }
    }

    private byte[] payload(PushMessage message) throws IOException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", message.messageId().toString());
        payload.put("title", message.title());
        payload.put("body", message.body());
        payload.put("urgent", message.urgent());
        payload.put("data", message.data());
        return json.writeValueAsBytes(payload);
    }

    /** RFC 8291: one aes128gcm record for the subscription's key and auth secret. */
    byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(p256, random);
        KeyPair ephemeral = generator.generateKeyPair();
        byte[] asPublic = uncompressed((ECPublicKey) ephemeral.getPublic());
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ephemeral.getPrivate());
        agreement.doPhase(publicKey(uaPublic), true);
        byte[] ecdhSecret = agreement.generateSecret();

        byte[] prkKey = hmac(authSecret, ecdhSecret);
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic, new byte[]{1});
        byte[] ikm = hmac(prkKey, keyInfo);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
                new byte[]{1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                new byte[]{1})), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] ciphertext = aes.doFinal(concat(plaintext, new byte[]{2}));
        return concat(salt, ByteBuffer.allocate(4).putInt(RECORD_SIZE).array(), new byte[]{(byte) asPublic.length},
                asPublic, ciphertext);
    }

    private String vapidJwt(URI endpoint) throws GeneralSecurityException, IOException {
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        String header = B64E.encodeToString(json.writeValueAsBytes(Map.of("typ", "JWT", "alg", "ES256")));
        String claims = B64E.encodeToString(json.writeValueAsBytes(Map.of("aud", audience,
                "exp", clock.instant().getEpochSecond() + 12 * 3600, "sub", settings.subject())));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(vapidPrivate);
        es256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + B64E.encodeToString(es256.sign());
    }

    private PublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        if (uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new IllegalArgumentException("a P-256 public key is 65 bytes starting with 0x04");
        }
        var point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256));
    }

    static byte[] uncompressed(ECPublicKey key) {
        return concat(new byte[]{4}, unsigned32(key.getW().getAffineX()), unsigned32(key.getW().getAffineY()));
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, bytes.length);
        System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
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

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) : text;
    }
}
