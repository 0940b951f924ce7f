package com.gatehouse.api.notification;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions the notification read model answers. */
public sealed interface NotificationQuery {

    /** Answers {@code Optional<NotificationView>}; its updates are the notification after each change. */
    @ReadModel("notifications")
    record FindNotification(UUID notificationId) implements NotificationQuery {
    }

    /** Answers {@code List<UUID>}: the user's unread notifications, oldest first (for "read all"). */
    record FindUnreadNotificationIds(UUID userId) implements NotificationQuery {
    }

    /**
     * The user's live feed as a subscription query: answers {@code Long}, the unread count, and its updates
     * are {@link NotificationViews.NotificationChange}s of this user only (sent, then read).
     */
    record WatchNotifications(UUID userId) implements NotificationQuery {
    }
}
