package com.gatehouse.command.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.push.DevicePlatform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FCM HTTP v1 ({@code POST {endpoint}/v1/projects/{project}/messages:send}) for Android and iOS (and browsers when
 * Web Push is not configured). Authenticates with the service account: a signed JWT assertion is traded at the
 * account's {@code token_uri} for an OAuth2 access token, cached until a minute before it expires and refreshed
 * at once if FCM answers 401.
 * <p>
 * Urgent pushes (entry and delivery requests, SOS, everything about a pending request) go with Android priority
 * high and APNs priority 10 with interruption level time-sensitive (critical for SOS); others with normal
 * priority. The message id is the Android collapse key, the APNs collapse id and the Web Push topic, so a push
 * sent twice (a retry after an unclear failure) replaces itself on the phone.
 * <p>
 * Answers: 200 accepted; 404 or UNREGISTERED: the token is gone; 429, 5xx, timeouts: retry (Retry-After
 * honoured); 401: retry with a fresh access token; other 4xx (INVALID_ARGUMENT, SENDER_ID_MISMATCH): failed.
 */
class FcmPushProvider implements PushProvider {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private final PushSettings.Fcm settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final ServiceAccount account;
    private final URI sendUri;
    private String accessToken;
    private Instant accessTokenRefreshAt = Instant.EPOCH;

    FcmPushProvider(PushSettings.Fcm settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.account = ServiceAccount.read(settings, json);
        this.sendUri = URI.create(settings.endpoint().replaceAll("/+$", "") + "/v1/projects/" + settings.projectId()
                + "/messages:send");
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .version(settings.endpoint().startsWith("https") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public boolean delivers(DevicePlatform platform) {
        return true;
    }

    @Override
    public Outcome send(PushMessage message) {
        try {
            String token = accessToken();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(sendUri).timeout(settings.timeout())
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(message))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return new Accepted();
            }
            String error = errorCode(response.body());
            if (status == 404 || "UNREGISTERED".equals(error)) {
                return new Unregistered("FCM " + status + " " + error);
            }
            if (status == 401) {
                forgetAccessToken(token);
                return new Retry("FCM 401: access token refused", Duration.ZERO);
            }
            if (status == 429 || status >= 500) {
                return new Retry("FCM " + status + " " + error, RetryAfter.of(response, clock));
            }
            return new Failed("FCM " + status + " " + error);
        } catch (IOException e) {
            return new Retry("FCM unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Retry("interrupted", null);
        }
    }

    Map<String, Object> body(PushMessage message) {
        String collapse = message.messageId().toString();
        Map<String, Object> android = new LinkedHashMap<>();
        android.put("priority", message.urgent() ? "high" : "normal");
        android.put("collapse_key", collapse);
        Map<String, Object> aps = new LinkedHashMap<>();
        aps.put("alert", Map.of("title", nullToEmpty(message.title()), "body", nullToEmpty(message.body())));
        aps.put("sound", message.critical() ? Map.of("critical", 1, "name", "default", "volume", 1.0) : "default");
        aps.put("interruption-level", message.critical() ? "critical" : message.urgent() ? "time-sensitive" : "active");
        Map<String, Object> apns = Map.of(
                "headers", Map.of("apns-priority", message.urgent() ? "10" : "5", "apns-collapse-id", collapse,
                        "apns-push-type", "alert"),
                "payload", Map.of("aps", aps));
        Map<String, Object> webpush = Map.of("headers", Map.of("Urgency", message.urgent() ? "high" : "normal",
                "Topic", collapse.replace("-", "")));
        Map<String, Object> fcm = new LinkedHashMap<>();
        fcm.put("token", message.token());
        fcm.put("notification", Map.of("title", nullToEmpty(message.title()), "body", nullToEmpty(message.body())));
        Map<String, String> data = new LinkedHashMap<>(message.data());
        data.put("messageId", collapse);
        fcm.put("data", data);
        fcm.put("android", android);
        fcm.put("apns", apns);
        fcm.put("webpush", webpush);
        return Map.of("message", fcm);
    }

    private String errorCode(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            for (JsonNode detail : error.path("details")) {
                if (detail.hasNonNull("errorCode")) {
                    return detail.get("errorCode").asText();
                }
            }
            return error.path("status").asText("");
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    private synchronized String accessToken() throws IOException, InterruptedException {
        if (accessToken != null && clock.instant().isBefore(accessTokenRefreshAt)) {
            return accessToken;
        }
        Instant now = clock.instant();
        String assertion = account.assertion(now, json);
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(account.tokenUri()))
                .timeout(settings.timeout()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("OAuth2 token endpoint answered " + response.statusCode());
        }
        JsonNode token = json.readTree(response.body());
        accessToken = token.path("access_token").asText();
        long expiresIn = token.path("expires_in").asLong(3600);
        accessTokenRefreshAt = now.plusSeconds(Math.max(0, expiresIn - 60));
        return accessToken;
    }

    private synchronized void forgetAccessToken(String refused) {
        if (refused.equals(accessToken)) {
            accessToken = null;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The parts of a Google service account JSON file that sign the OAuth2 assertion. */
    record ServiceAccount(String clientEmail, String keyId, PrivateKey key, String tokenUri) {

        static ServiceAccount read(PushSettings.Fcm settings, ObjectMapper json) {
            try {
                JsonNode file = json.readTree(Files.readString(settings.credentials()));
                String pem = file.path("private_key").asText().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                PrivateKey key = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
                return new ServiceAccount(file.path("client_email").asText(), file.path("private_key_id").asText(null),
                        key, file.path("token_uri").asText("https://oauth2.googleapis.com/token"));
            } catch (Exception e) {
                throw new IllegalArgumentException("gatehouse.push.fcm.credentials: cannot read the service account "
                        + "JSON " + settings.credentials() + ": " + e.getMessage(), e);
            }
        }

        String assertion(Instant now, ObjectMapper json) throws IOException {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "RS256");
            header.put("typ", "JWT");
            if (keyId != null) {
                header.put("kid", keyId);
            }
            Map<String, Object> claims = Map.of("iss", clientEmail, "scope", SCOPE, "aud", tokenUri,
                    "iat", now.getEpochSecond(), "exp", now.getEpochSecond() + 3600);
            var b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(json.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(json.writeValueAsBytes(claims));
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(key);
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + b64.encodeToString(rsa.sign());
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign the OAuth2 assertion", e);
            }
        }
    }
}
