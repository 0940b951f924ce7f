package com.gatehouse.command.notification;

import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.command.push.PushOutbox;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Handles {@link SendNotification} idempotently: a notification id that already has events was sent
 * before (same trigger, same recipient), so sending it again does nothing. Checking first, rather
 * than letting the duplicate append fail, keeps a sender's surrounding transaction healthy.
 * <p>
 * A notification that is sent is also pushed to each of the recipient's devices: the pushes are written to the
 * {@link PushOutbox} here, in the transaction that stores the {@code NotificationSent} event (never by a replay:
 * replays do not run command handlers).
 */
@Component
public class NotificationSender {

    private final Repository<Notification> notifications;
    private final EventStore eventStore;
    private final Clock clock;
    private final PushOutbox pushes;

    public NotificationSender(Repository<Notification> notifications, EventStore eventStore, Clock clock,
                              PushOutbox pushes) {
        this.notifications = notifications;
        this.eventStore = eventStore;
        this.clock = clock;
        this.pushes = pushes;
    }

    @CommandHandler
    public void handle(SendNotification cmd) throws Exception {
        if (eventStore.lastSequenceNumberFor(cmd.notificationId().toString()).isPresent()) {
            return;
        }
        var sent = notifications.newInstance(() -> new Notification(cmd, clock));
        pushes.enqueue(cmd.notificationId(), cmd.recipient(), cmd.societyId(), cmd.content(),
                sent.invoke(Notification::sentAt));
    }
}
