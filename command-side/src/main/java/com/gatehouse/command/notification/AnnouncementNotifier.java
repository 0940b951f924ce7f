package com.gatehouse.command.notification;

import com.gatehouse.api.notification.AnnouncementEvent.AnnouncementMade;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Policy: an announcement notifies every active member of its society (SYSTEM, referenceType
 * "Announcement"). A side effect, so it never runs again on a replay; the trigger is the event's id,
 * so re-processing after a crash notifies nobody twice.
 */
@Component
@ProcessingGroup(AnnouncementNotifier.GROUP)
@DisallowReplay
public class AnnouncementNotifier {

    public static final String GROUP = "announcement-notifications";

    private final Notifications notifications;

    public AnnouncementNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventHandler
    @DisallowReplay
    void on(AnnouncementMade event, @MessageIdentifier String eventId) {
        String id = event.announcementId().toString();
        notifications.toEveryoneInSociety(eventId, event.societyId(), new NotificationContent(NotificationType.SYSTEM,
                event.title(), event.message(), Map.of("announcementId", id), "Announcement", id));
    }
}
