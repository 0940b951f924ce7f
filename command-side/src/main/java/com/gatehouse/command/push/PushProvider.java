package com.gatehouse.command.push;

import com.gatehouse.api.push.DevicePlatform;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Something that hands a push to a phone's platform (FCM, a browser's push service, or the log). It answers
 * how it went; it never throws for the provider's own answers (only for bugs).
 */
public interface PushProvider {

    /** Whether this provider delivers to this platform (the first that does is used). */
    boolean delivers(DevicePlatform platform);

    Outcome send(PushMessage message);

    /**
     * One push to one device. {@code messageId} is the same on every attempt (derived from notification and
     * device): providers pass it on as the collapse key / topic so that a retried push replaces, never doubles,
     * what the phone shows. {@code urgent}: entry requests and SOS (high priority, time-sensitive or critical).
     */
    record PushMessage(UUID messageId, UUID notificationId, DevicePlatform platform, String token, String type,
                       String title, String body, Map<String, String> data, boolean urgent, boolean critical) {
    }

    sealed interface Outcome {
    }

    /** The provider took it. */
    record Accepted() implements Outcome {
    }

    /** Try again later (overloaded, unavailable, timed out): not before {@code retryAfter} if the provider said so. */
    record Retry(String reason, Duration retryAfter) implements Outcome {
    }

    /** The token no longer reaches an app: the device is forgotten. */
    record Unregistered(String reason) implements Outcome {
    }

    /** It will never work (a malformed message, a token of another project): recorded as failed. */
    record Failed(String reason) implements Outcome {
    }
}
