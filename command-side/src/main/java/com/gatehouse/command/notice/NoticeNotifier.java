package com.gatehouse.command.notice;

import com.gatehouse.api.notice.NoticeCommand.Content;
import com.gatehouse.api.notice.NoticeEvent.NoticeEdited;
import com.gatehouse.api.notice.NoticeEvent.NoticePosted;
import com.gatehouse.api.notice.NoticeEvent.NoticePublished;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.command.notification.Notifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Policy: a published notice notifies every active member of its society (SYSTEM, referenceType "Notice",
 * data.noticeId). URGENT and EMERGENCY notices carry {@code data.highPriority: true} (for push delivery and the
 * apps' sound). The content is the notice's latest (an edit before a scheduled publication counts), read from the
 * notice's events in the event store. A side effect: never replayed; the event's id makes it once-only.
 */
@Component
@ProcessingGroup(NoticeNotifier.GROUP)
@DisallowReplay
public class NoticeNotifier {

    public static final String GROUP = "notice-notifications";
    public static final String REFERENCE = "Notice";
    private static final int MAX_MESSAGE = 500;

    private final Notifications notifications;
    private final EventStore eventStore;

    public NoticeNotifier(Notifications notifications, EventStore eventStore) {
        this.notifications = notifications;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(NoticePublished event, EventMessage<?> message) {
        Content content = latestContent(event.noticeId().toString());
        if (content == null) {
            return;
        }
        notifications.toEveryoneInSociety(message.getIdentifier(), event.societyId(), content(event, content));
    }

    static NotificationContent content(NoticePublished event, Content content) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("noticeId", event.noticeId().toString());
        data.put("noticeType", content.type().name());
        data.put("priority", content.priority().name());
        data.put("highPriority", content.type().urgent());
        String text = content.description().length() <= MAX_MESSAGE ? content.description()
                : content.description().substring(0, MAX_MESSAGE - 1) + "…";
        return new NotificationContent(NotificationType.SYSTEM, content.title(), text, data, REFERENCE,
                event.noticeId().toString());
    }

    private Content latestContent(String noticeId) {
        Content content = null;
        var events = eventStore.readEvents(noticeId);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof NoticePosted posted) {
                content = posted.content();
            } else if (payload instanceof NoticeEdited edited) {
                content = edited.content();
            }
        }
        return content;
    }
}
