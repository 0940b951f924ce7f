package com.gatehouse.command.notification;

import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Handles {@link SendNotification} idempotently: a notification id that already has events was sent
 * before (same trigger, same recipient), so sending it again does nothing. Checking first, rather
 * than letting the duplicate append fail, keeps a sender's surrounding transaction healthy.
 */
@Component
public class NotificationSender {

    private final Repository<Notification> notifications;
    private final EventStore eventStore;
    private final Clock clock;

    public NotificationSender(Repository<Notification> notifications, EventStore eventStore, Clock clock) {
        this.notifications = notifications;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(SendNotification cmd) throws Exception {
        if (eventStore.lastSequenceNumberFor(cmd.notificationId().toString()).isPresent()) {
            return;
        }
        notifications.newInstance(() -> new Notification(cmd, clock));
    }
}
