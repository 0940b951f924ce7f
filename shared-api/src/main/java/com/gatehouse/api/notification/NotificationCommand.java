package com.gatehouse.api.notification;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a notification. Sending is done through the command side's {@code Notifications} fan-out. */
public sealed interface NotificationCommand {

    record SendNotification(@TargetAggregateIdentifier NotificationId notificationId, UserId recipient,
                            SocietyId societyId, NotificationContent content) implements NotificationCommand {
    }
}
