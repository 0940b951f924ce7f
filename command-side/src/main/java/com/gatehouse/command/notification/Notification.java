package com.gatehouse.command.notification;

import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.api.notification.NotificationEvent.NotificationSent;
import com.gatehouse.api.notification.NotificationId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One notification to one user. Created only through {@link NotificationSender} (idempotent by id). */
@Aggregate
public class Notification {

    @AggregateIdentifier
    private NotificationId id;

    protected Notification() {
    }

    Notification(SendNotification cmd, Clock clock) {
        apply(new NotificationSent(cmd.notificationId(), cmd.recipient(), cmd.societyId(), cmd.content(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(NotificationSent event) {
        id = event.notificationId();
    }
}
