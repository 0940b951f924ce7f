package com.gatehouse.api.notification;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Read models of notifications, as served over REST and RSocket (the contract's notification object). */
public final class NotificationViews {

    private NotificationViews() {
    }

    public record NotificationView(UUID id, NotificationType type, String title, String message,
                                   Map<String, Object> data, UUID userId, UUID societyId, String referenceId,
                                   String referenceType, @JsonProperty("isRead") boolean isRead, Instant readAt,
                                   Instant createdAt) {
    }

    /**
     * One change of a user's notifications as the read model applied it: the notification as it now is,
     * and {@code seq}, the position of the change in the user's feed (strictly increasing per user), by
     * which a stream tells what its snapshot already holds from what is new.
     */
    public record NotificationChange(NotificationView notification, long seq) {
    }
}
