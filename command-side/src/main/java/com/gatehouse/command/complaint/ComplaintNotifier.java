package com.gatehouse.command.complaint;

import com.gatehouse.api.complaint.ComplaintEvent;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintAssigned;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintFiled;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintReopened;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintResolved;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintStatusChanged;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintWithdrawn;
import com.gatehouse.api.complaint.ComplaintStatus;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.command.notification.Notifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the reporter about every change the society makes to their complaint (assigned, in progress, resolved,
 * closed, rejected), and the society's admins about what the reporter does (filed, reopened, withdrawn). Type
 * SYSTEM (the contract's enum has no complaint type), {@code referenceType "Complaint"}, data
 * {@code {complaintId, status, title}}: never the reporter, so an anonymous complaint stays anonymous in the
 * admins' inboxes (nor the reporter's own words: the reopen reason stays on the complaint). A side effect: its own processing group, never replayed; ids derive from the event's id.
 */
@Component
@ProcessingGroup(ComplaintNotifier.GROUP)
@DisallowReplay
public class ComplaintNotifier {

    public static final String GROUP = "complaint-notifications";
    public static final String REFERENCE_TYPE = "Complaint";

    private final Notifications notifications;

    public ComplaintNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventHandler
    void on(ComplaintFiled event, @MessageIdentifier String eventId) {
        notifications.toAdmins(eventId, event.societyId(), content(event, ComplaintStatus.OPEN, "New complaint",
                "A " + event.priority() + " " + event.category() + " complaint was filed: " + event.title(),
                event.title()));
    }

    @EventHandler
    void on(ComplaintAssigned event, @MessageIdentifier String eventId) {
        toReporter(eventId, event, event.status(), "Complaint assigned",
                "Your complaint has been assigned and is being worked on");
    }

    @EventHandler
    void on(ComplaintStatusChanged event, @MessageIdentifier String eventId) {
        String message = switch (event.status()) {
            case IN_PROGRESS -> "Your complaint is being worked on";
            case CLOSED -> "Your complaint has been closed";
            case REJECTED -> "Your complaint was rejected: " + event.reason();
            default -> "Your complaint is now " + event.status();
        };
        toReporter(eventId, event, event.status(), "Complaint " + words(event.status()), message);
    }

    @EventHandler
    void on(ComplaintResolved event, @MessageIdentifier String eventId) {
        toReporter(eventId, event, ComplaintStatus.RESOLVED, "Complaint resolved",
                "Your complaint was resolved: " + event.resolution());
    }

    @EventHandler
    void on(ComplaintReopened event, @MessageIdentifier String eventId) {
        notifications.toAdmins(eventId, event.societyId(), content(event, ComplaintStatus.OPEN, "Complaint reopened",
                "A resolved complaint was reopened by its reporter", null));
    }

    @EventHandler
    void on(ComplaintWithdrawn event, @MessageIdentifier String eventId) {
        notifications.toAdmins(eventId, event.societyId(), content(event, ComplaintStatus.WITHDRAWN,
                "Complaint withdrawn", "A complaint was withdrawn by its reporter", null));
    }

    private void toReporter(String eventId, ComplaintEvent event, ComplaintStatus status, String title,
                            String message) {
        notifications.toUser(eventId, event.reporterId(), event.societyId(),
                content(event, status, title, message, null));
    }

    private static NotificationContent content(ComplaintEvent event, ComplaintStatus status, String title,
                                               String message, String complaintTitle) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("complaintId", event.complaintId().toString());
        data.put("status", status.name());
        if (complaintTitle != null) {
            data.put("title", complaintTitle);
        }
        return new NotificationContent(NotificationType.SYSTEM, title, message, data, REFERENCE_TYPE,
                event.complaintId().toString());
    }

    private static String words(ComplaintStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }
}
