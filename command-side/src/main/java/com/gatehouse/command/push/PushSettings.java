package com.gatehouse.command.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Operator settings of push delivery ({@code gatehouse.push.*}, also {@code GATEHOUSE_PUSH_PROVIDER}, ...).
 * <ul>
 * <li>{@code provider}: {@code log} (default: every push appended to {@code <data-dir>/push.log}, no cloud account)
 *     or {@code fcm} (Android and iOS through FCM HTTP v1; browsers through Web Push when VAPID keys are set,
 *     else through FCM too).</li>
 * <li>{@code first-retry-after}, {@code max-retry-after}, {@code max-attempts}: exponential backoff of a push the
 *     provider did not accept (a Retry-After the provider names is honoured when longer); after max-attempts
 *     the push is recorded as FAILED.</li>
 * <li>{@code lease}: how long a claimed batch belongs to the instance that claimed it; an instance that dies
 *     mid-batch leaves its unsent rows to any instance after this.</li>
 * <li>{@code batch-size}, {@code senders} (pushes in flight at once per instance), {@code poll-interval}
 *     (how often each instance looks for due rows besides being woken by a local commit), {@code keep-sent}.</li>
 * </ul>
 */
@ConfigurationProperties("gatehouse.push")
public record PushSettings(@DefaultValue("log") String provider,
                           @DefaultValue("PT2S") Duration firstRetryAfter,
                           @DefaultValue("PT10M") Duration maxRetryAfter,
                           @DefaultValue("12") int maxAttempts,
                           @DefaultValue("PT60S") Duration lease,
                           @DefaultValue("200") int batchSize,
                           @DefaultValue("32") int senders,
                           @DefaultValue("PT1S") Duration pollInterval,
                           @DefaultValue("P7D") Duration keepSent,
                           @DefaultValue("10") int maxDevicesPerUser,
                           @DefaultValue Fcm fcm,
                           @DefaultValue WebPush webPush) {

    public PushSettings {
        if (!provider.equals("log") && !provider.equals("fcm")) {
            throw new IllegalArgumentException("gatehouse.push.provider must be log or fcm; was " + provider);
        }
        requirePositive(firstRetryAfter, "gatehouse.push.first-retry-after");
        requirePositive(maxRetryAfter, "gatehouse.push.max-retry-after");
        requirePositive(lease, "gatehouse.push.lease");
        requirePositive(pollInterval, "gatehouse.push.poll-interval");
        requirePositive(keepSent, "gatehouse.push.keep-sent");
        if (maxAttempts < 1 || batchSize < 1 || senders < 1 || maxDevicesPerUser < 1) {
            throw new IllegalArgumentException("gatehouse.push.max-attempts, batch-size, senders and "
                    + "max-devices-per-user must be at least 1");
        }
        if (provider.equals("fcm") && (fcm.credentials() == null || fcm.projectId() == null)) {
            throw new IllegalArgumentException("gatehouse.push.provider=fcm needs gatehouse.push.fcm.credentials "
                    + "(the service account JSON file) and gatehouse.push.fcm.project-id");
        }
    }

    /**
     * FCM HTTP v1: {@code credentials} is the service account JSON file (its private key signs the OAuth2
     * assertion; its {@code token_uri} issues access tokens, cached until shortly before they expire);
     * {@code endpoint} is FCM's base URL (a local server in tests); {@code timeout} per request.
     */
    public record Fcm(String projectId, Path credentials, @DefaultValue("https://fcm.googleapis.com") String endpoint,
                      @DefaultValue("PT10S") Duration timeout) {
    }

    /**
     * Web Push with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291): {@code public-key} and
     * {@code private-key} are the application server's P-256 key pair (base64url, uncompressed point and raw
     * scalar, as {@code web-push generate-vapid-keys} prints them); {@code subject} a mailto: or https: contact.
     * Unset: browsers' pushes go through the main provider.
     */
    public record WebPush(String publicKey, String privateKey, @DefaultValue("mailto:ops@gatehouse.local") String subject,
                          @DefaultValue("PT10S") Duration timeout) {
        public boolean configured() {
            return publicKey != null && !publicKey.isBlank() && privateKey != null && !privateKey.isBlank();
        }
    }

    private static void requirePositive(Duration value, String property) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration; was " + value);
        }
    }
}
