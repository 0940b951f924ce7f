package com.gatehouse.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server that answers like FCM HTTP v1 (with its OAuth2 token endpoint) and like a browser's Web Push
 * service, for the whole test JVM. How it answers depends on the device token (or Web Push path):
 * <ul>
 * <li>{@code ok-...}: 200; {@code slow-...}: 200 after 300 ms;</li>
 * <li>{@code gone-...}: 404 UNREGISTERED;</li>
 * <li>{@code busy-...}: the first attempt 429 with Retry-After: 1, then 200; {@code down-...}: the first attempt
 *     503 with Retry-After: 1, then 200.</li>
 * </ul>
 * Every attempt is recorded ({@link #attempts()}); the token endpoint checks the service account's signature.
 */
public final class FakePushServer {

    public record Attempt(String token, String messageId, int status, Instant at, JsonNode message,
                          Map<String, String> headers, byte[] body) {
    }

    private static FakePushServer instance;

    private final HttpServer server;
    private final KeyPair serviceAccount;
    private final KeyPair vapid;
    private final Path credentials;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> triesPerToken = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    public static synchronized FakePushServer get() {
        if (instance == null) {
            instance = new FakePushServer();
        }
        return instance;
    }

    private FakePushServer() {
        try {
            var rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            serviceAccount = rsa.generateKeyPair();
            var ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            vapid = ec.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-push");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/token", this::token);
            server.createContext("/v1/projects/", this::fcm);
            server.createContext("/webpush/", this::webPush);
            server.start();
            credentials = Files.createTempFile("fcm-service-account", ".json");
            Files.writeString(credentials, json.writeValueAsString(Map.of(
                    "type", "service_account", "project_id", "gatehouse-test", "private_key_id", "test-key",
                    "private_key", "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder().encodeToString(serviceAccount.getPrivate().getEncoded())
                            + "\n-----END PRIVATE KEY-----\n",
                    "client_email", "push@gatehouse-test.iam.gserviceaccount.com",
                    "token_uri", url() + "/token")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Path credentials() {
        return credentials;
    }

    /** The VAPID key pair the server is configured with (base64url: uncompressed point, raw scalar). */
    public String vapidPublicKey() {
        ECPublicKey key = (ECPublicKey) vapid.getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy32(key.getW().getAffineX().toByteArray(), point, 1);
        copy32(key.getW().getAffineY().toByteArray(), point, 33);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(point);
    }

    public String vapidPrivateKey() {
        byte[] scalar = new byte[32];
        copy32(((java.security.interfaces.ECPrivateKey) vapid.getPrivate()).getS().toByteArray(), scalar, 0);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(scalar);
    }

    public ECPublicKey vapidKey() {
        return (ECPublicKey) vapid.getPublic();
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public List<Attempt> attemptsFor(String token) {
        return attempts.stream().filter(a -> a.token().equals(token)).toList();
    }

    public int accessTokensIssued() {
        return tokensIssued.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String assertion = "";
        for (String pair : form.split("&")) {
            if (pair.startsWith("assertion=")) {
                assertion = URLDecoder.decode(pair.substring("assertion=".length()), StandardCharsets.UTF_8);
            }
        }
        String[] parts = assertion.split("\\.");
        boolean valid;
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(serviceAccount.getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            valid = parts.length == 3 && rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}", Map.of());
            return;
        }
        answer(exchange, 200, "{\"access_token\":\"access-" + tokensIssued.incrementAndGet()
                + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}", Map.of());
    }

    private void fcm(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        JsonNode message = body.path("message");
        String token = message.path("token").asText();
        String messageId = message.path("data").path("messageId").asText();
        if (!exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer access-")) {
            record(token, messageId, 401, message, exchange, null);
            answer(exchange, 401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}", Map.of());
            return;
        }
        respond(exchange, token, messageId, message, null, "{\"name\":\"projects/gatehouse-test/messages/" + messageId + "\"}",
                "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":"
                        + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}");
    }

    private void webPush(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String token = exchange.getRequestURI().getPath().substring("/webpush/".length());
        String messageId = exchange.getRequestHeaders().getFirst("Topic");
        respond(exchange, token, messageId, null, body, "", "");
    }

    private void respond(HttpExchange exchange, String token, String messageId, JsonNode message, byte[] body,
                         String ok, String gone) throws IOException {
        int attempt = triesPerToken.computeIfAbsent(token + "/" + messageId, k -> new AtomicInteger()).incrementAndGet();
        int status;
        Map<String, String> headers = Map.of();
        if (token.startsWith("gone-")) {
            status = 404;
        } else if (token.startsWith("busy-") && attempt == 1) {
            status = 429;
            headers = Map.of("Retry-After", "1");
        } else if (token.startsWith("down-") && attempt == 1) {
            status = 503;
            headers = Map.of("Retry-After", "1");
        } else {
            if (token.startsWith("slow-")) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            status = message == null ? 201 : 200;
        }
        record(token, messageId, status, message, exchange, body);
        answer(exchange, status, status < 300 ? ok : status == 404 ? gone : "{\"error\":{\"code\":" + status + "}}",
                headers);
    }

    private void record(String token, String messageId, int status, JsonNode message, HttpExchange exchange,
                        byte[] body) {
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        attempts.add(new Attempt(token, messageId, status, Instant.now(), message, headers, body));
    }

    private static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static void copy32(byte[] unsigned, byte[] into, int at) {
        int n = Math.min(32, unsigned.length);
        System.arraycopy(unsigned, unsigned.length - n, into, at + 32 - n, n);
    }

}
