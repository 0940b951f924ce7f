package com.gatehouse.command.notification;

import com.gatehouse.api.notification.NotificationCommand.MarkNotificationsRead;
import com.gatehouse.api.notification.NotificationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * "Read all" for one user: marks each listed notification read in one unit of work (one transaction,
 * one {@code NotificationRead} event per notification that was still unread). Ids that are unknown or
 * addressed to someone else are skipped, so a stale list never fails the whole request.
 */
@Component
public class NotificationInbox {

    private final Repository<Notification> notifications;
    private final Clock clock;

    public NotificationInbox(Repository<Notification> notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @return the ids that changed from unread to read */
    @CommandHandler
    public List<NotificationId> handle(MarkNotificationsRead cmd) {
        List<NotificationId> changed = new ArrayList<>();
        for (NotificationId id : cmd.notificationIds()) {
            try {
                var aggregate = notifications.load(id.toString());
                if (aggregate.invoke(n -> n.isFor(cmd.by()) && n.markRead(clock))) {
                    changed.add(id);
                }
            } catch (AggregateNotFoundException unknown) {
                // not a notification (any more): nothing to mark
            }
        }
        return changed;
    }
}
