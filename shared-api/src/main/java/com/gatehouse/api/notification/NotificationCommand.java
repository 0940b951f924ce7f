package com.gatehouse.api.notification;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** What can be asked of a notification. Sending is done through the command side's {@code Notifications} fan-out. */
public sealed interface NotificationCommand {

    record SendNotification(@TargetAggregateIdentifier NotificationId notificationId, UserId recipient,
                            SocietyId societyId, NotificationContent content) implements NotificationCommand {
    }

    /** The recipient has read one notification (someone else's answers 404; reading again changes nothing). */
    record MarkNotificationRead(@TargetAggregateIdentifier NotificationId notificationId, UserId by)
            implements NotificationCommand {
    }

    /**
     * The recipient has read these notifications (what "read all" showed them). Answers the ids that were
     * still unread, so {@code {updated: n}} counts real changes; ids not addressed to {@code by} are skipped.
     */
    record MarkNotificationsRead(UserId by, List<NotificationId> notificationIds) implements NotificationCommand {
        public MarkNotificationsRead {
            notificationIds = List.copyOf(notificationIds);
        }
    }

    /**
     * The recipient's app showed the notification on one of their phones ({@code deviceId}: the id
     * {@code POST /me/devices} answered for that phone, or null when the app does not know it: then the user's
     * phones count as one). Someone else's notification answers 404; a second receipt from the same phone changes
     * nothing.
     */
    record MarkNotificationDelivered(@TargetAggregateIdentifier NotificationId notificationId, UserId by,
                                     UUID deviceId) implements NotificationCommand {
    }
}
