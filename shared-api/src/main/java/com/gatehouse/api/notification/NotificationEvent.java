package com.gatehouse.api.notification;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;
import java.util.UUID;

/** What happened to a notification. Every event names the recipient: the read model and the live feed are per user. */
public sealed interface NotificationEvent {

    NotificationId notificationId();

    UserId recipient();

    record NotificationSent(NotificationId notificationId, UserId recipient, SocietyId societyId,
                            NotificationContent content, Instant sentAt) implements NotificationEvent {
    }

    record NotificationRead(NotificationId notificationId, UserId recipient, SocietyId societyId, Instant readAt)
            implements NotificationEvent {
    }

    /**
     * The recipient's app reports that it showed the notification on a phone (once per phone: {@code deviceId},
     * or null for "a phone of the recipient" when the app did not name one).
     */
    record NotificationDelivered(NotificationId notificationId, UserId recipient, SocietyId societyId, UUID deviceId,
                                 Instant deliveredAt) implements NotificationEvent {
    }
}
