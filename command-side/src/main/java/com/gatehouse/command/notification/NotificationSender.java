package com.gatehouse.command.notification;

import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.command.push.PushOutbox;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Handles {@link SendNotification} idempotently: a notification id that already has events was sent
 * before (same trigger, same recipient), so sending it again does nothing. Checking first, rather
 * than letting the duplicate append fail, keeps a sender's surrounding transaction healthy.
 * <p>
 * A notification that is sent is also pushed to each of the recipient's devices: the pushes are written to the
 * {@link PushOutbox} here, in the transaction that stores the {@code NotificationSent} event (never by a replay:
 * replays do not run command handlers).
 * <p>
 * On PostgreSQL the check asks the stored events only ({@link EventStorageEngine}) and remembers the ids sent in the
 * current unit of work: the event store's own check also scans the events staged in the unit of work, comparing
 * each with each, and a processor's batch sends all its notifications in one unit of work (a batch of 500 raises
 * staged 1,000 notifications and took seconds per notification). With Axon Server (no storage engine here) the event
 * store answers, as before.
 */
@Component
public class NotificationSender {

    private final Repository<Notification> notifications;
    private final EventStore eventStore;
    private final Clock clock;
    private final PushOutbox pushes;
    private final EventStorageEngine storedEvents; // null: ask the event store
    private final String sentHereKey = NotificationSender.class.getName() + ".sent";

    @Autowired
    public NotificationSender(Repository<Notification> notifications, EventStore eventStore, Clock clock,
                              PushOutbox pushes, ObjectProvider<EventStorageEngine> storedEvents) {
        this.notifications = notifications;
        this.eventStore = eventStore;
        this.clock = clock;
        this.pushes = pushes;
        // the engine under the embedded store (PostgreSQL); Axon Server's store has none here
        this.storedEvents = eventStore instanceof EmbeddedEventStore ? storedEvents.getIfUnique() : null;
    }

    /** Checking with the event store alone (a test fixture's). */
    public NotificationSender(Repository<Notification> notifications, EventStore eventStore, Clock clock,
                              PushOutbox pushes) {
        this.notifications = notifications;
        this.eventStore = eventStore;
        this.clock = clock;
        this.pushes = pushes;
        this.storedEvents = null;
    }

    @CommandHandler
    public void handle(SendNotification cmd) throws Exception {
        if (sentBefore(cmd.notificationId().toString())) {
            return;
        }
        var sent = notifications.newInstance(() -> new Notification(cmd, clock));
        pushes.enqueue(cmd.notificationId(), cmd.recipient(), cmd.societyId(), cmd.content(),
                sent.invoke(Notification::sentAt));
    }

    /** Whether the notification has events: stored, or staged earlier in this unit of work (then remembered). */
    private boolean sentBefore(String notificationId) {
        if (storedEvents == null || !CurrentUnitOfWork.isStarted()) {
            return eventStore.lastSequenceNumberFor(notificationId).isPresent();
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        Set<String> sentHere = current.root().getOrComputeResource(sentHereKey, key -> new HashSet<>());
        if (sentHere.contains(notificationId) || storedEvents.lastSequenceNumberFor(notificationId).isPresent()) {
            return true;
        }
        sentHere.add(notificationId);
        current.onRollback(rolledBack -> sentHere.remove(notificationId)); // its events are not staged any more
        return false;
    }
}
