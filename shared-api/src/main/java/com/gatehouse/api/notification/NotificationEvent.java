package com.gatehouse.api.notification;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

/** What happened to a notification. */
public sealed interface NotificationEvent {

    NotificationId notificationId();

    record NotificationSent(NotificationId notificationId, UserId recipient, SocietyId societyId,
                            NotificationContent content, Instant sentAt) implements NotificationEvent {
    }
}
