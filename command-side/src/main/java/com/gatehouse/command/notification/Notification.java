package com.gatehouse.command.notification;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.NotificationCommand.MarkNotificationDelivered;
import com.gatehouse.api.notification.NotificationCommand.MarkNotificationRead;
import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.api.notification.NotificationEvent.NotificationDelivered;
import com.gatehouse.api.notification.NotificationEvent.NotificationRead;
import com.gatehouse.api.notification.NotificationEvent.NotificationSent;
import com.gatehouse.api.notification.NotificationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One notification to one user: sent, shown on the user's phones (receipts from the app, once per phone), then
 * read by that user. Created only through
 * {@link NotificationSender} (idempotent by id); "read all" marks many through {@link NotificationInbox}.
 */
@Aggregate
public class Notification {

    @AggregateIdentifier
    private NotificationId id;
    private UserId recipient;
    private SocietyId society;
    private boolean read;
    private Instant sentAt;
    /** The phones that reported showing it (a null device id stands for "a phone of the recipient"). */
    private final Set<UUID> shownOn = new HashSet<>();
    private boolean shownOnUnnamedPhone;

    protected Notification() {
    }

    Notification(SendNotification cmd, Clock clock) {
        apply(new NotificationSent(cmd.notificationId(), cmd.recipient(), cmd.societyId(), cmd.content(),
                clock.instant()));
    }

    /** Someone else's notification answers 404, as if it did not exist; reading it again changes nothing. */
    @CommandHandler
    void handle(MarkNotificationRead cmd, Clock clock) {
        if (!recipient.equals(cmd.by())) {
            throw Problem.notFound("Notification");
        }
        markRead(clock);
    }

    /** A phone of the recipient showed it; the same phone again changes nothing. Someone else's answers 404. */
    @CommandHandler
    void handle(MarkNotificationDelivered cmd, Clock clock) {
        if (!recipient.equals(cmd.by())) {
            throw Problem.notFound("Notification");
        }
        if (cmd.deviceId() == null ? shownOnUnnamedPhone : shownOn.contains(cmd.deviceId())) {
            return;
        }
        apply(new NotificationDelivered(id, recipient, society, cmd.deviceId(), clock.instant()));
    }

    /** @return whether this changed anything (false: it was read already) */
    boolean markRead(Clock clock) {
        if (read) {
            return false;
        }
        apply(new NotificationRead(id, recipient, society, clock.instant()));
        return true;
    }

    Instant sentAt() {
        return sentAt;
    }

    boolean isFor(UserId user) {
        return recipient.equals(user);
    }

    @EventSourcingHandler
    void on(NotificationSent event) {
        id = event.notificationId();
        recipient = event.recipient();
        society = event.societyId();
        sentAt = event.sentAt();
    }

    @EventSourcingHandler
    void on(NotificationDelivered event) {
        if (event.deviceId() == null) {
            shownOnUnnamedPhone = true;
        } else {
            shownOn.add(event.deviceId());
        }
    }

    @EventSourcingHandler
    void on(NotificationRead event) {
        read = true;
    }
}
