package com.gatehouse.command.emergency;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyEscalated;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyMarkedFalseAlarm;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyRaised;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyResolved;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyResponded;
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
 * Who hears about an SOS:
 * <ul>
 *   <li>raised: every active guard and admin of the society ({@code EMERGENCY_ALERT}), and the residents of the
 *       reporter's flat ({@code EMERGENCY_ALERT}, "raised from your flat");</li>
 *   <li>escalated (nobody responded): the guards and admins again and every resident of the reporter's block
 *       ({@code EMERGENCY_ALERT}, "no response yet");</li>
 *   <li>responded, resolved, false alarm: the reporter ({@code SYSTEM}).</li>
 * </ul>
 * Every notification has referenceType "Emergency" and data.emergencyId. A side effect: its own processing
 * group that never replays; the triggering event's id makes each notification once-only. What later events
 * need of the SOS (reporter, flat, type) is read from its first event in the event store.
 */
@Component
@ProcessingGroup(EmergencyNotifier.GROUP)
@DisallowReplay
public class EmergencyNotifier {

    public static final String GROUP = "emergency-notifications";
    public static final String REFERENCE = "Emergency";

    private final Notifications notifications;
    private final EventStore eventStore;

    public EmergencyNotifier(Notifications notifications, EventStore eventStore) {
        this.notifications = notifications;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(EmergencyRaised event, EventMessage<?> message) {
        notifications.toGuardsAndAdmins(message.getIdentifier(), event.societyId(), alert(event, 0));
        if (event.flatId() != null) {
            notifications.toResidentsOfFlat(message.getIdentifier(), event.societyId(), event.flatId(),
                    content(NotificationType.EMERGENCY_ALERT, event, "SOS raised from your flat",
                            who(event) + " raised a " + event.type() + " emergency. The guards and admins are alerted.",
                            Map.of()));
        }
    }

    @EventHandler
    void on(EmergencyEscalated event, EventMessage<?> message) {
        EmergencyRaised raised = raised(event.emergencyId().toString());
        var content = alert(raised, event.escalation());
        notifications.toGuardsAndAdmins(message.getIdentifier(), event.societyId(), content);
        if (raised.block() != null) {
            notifications.toResidentsOfBlock(message.getIdentifier(), event.societyId(), raised.block(), content);
        }
    }

    @EventHandler
    void on(EmergencyResponded event, EventMessage<?> message) {
        EmergencyRaised raised = raised(event.emergencyId().toString());
        String responder = event.responderName() == null ? "A guard" : event.responderName();
        notifications.toUser(message.getIdentifier(), raised.reportedBy(), event.societyId(),
                content(NotificationType.SYSTEM, raised, "Help is on the way",
                        responder + " responded to your " + raised.type() + " emergency.",
                        Map.of("respondedById", event.by().toString())));
    }

    @EventHandler
    void on(EmergencyResolved event, EventMessage<?> message) {
        EmergencyRaised raised = raised(event.emergencyId().toString());
        notifications.toUser(message.getIdentifier(), raised.reportedBy(), event.societyId(),
                content(NotificationType.SYSTEM, raised, "Emergency resolved",
                        "Your " + raised.type() + " emergency was resolved." + notes(event.notes()), Map.of()));
    }

    @EventHandler
    void on(EmergencyMarkedFalseAlarm event, EventMessage<?> message) {
        EmergencyRaised raised = raised(event.emergencyId().toString());
        notifications.toUser(message.getIdentifier(), raised.reportedBy(), event.societyId(),
                content(NotificationType.SYSTEM, raised, "Emergency closed as a false alarm",
                        "Your " + raised.type() + " emergency was marked a false alarm." + notes(event.notes()),
                        Map.of()));
    }

    /** The alert to guards and admins (and, escalated, to the block): what, who, where. */
    static NotificationContent alert(EmergencyRaised event, int escalation) {
        StringBuilder message = new StringBuilder(who(event)).append(" raised a ").append(event.type())
                .append(" emergency");
        if (event.location() != null) {
            message.append(" at ").append(event.location());
        }
        message.append('.');
        if (event.description() != null) {
            message.append(' ').append(event.description());
        }
        String title = "SOS: " + event.type() + (event.flatNumber() == null ? "" : " at " + flatLabel(event));
        if (escalation > 0) {
            title = "ESCALATED " + title;
            message.append(" No response yet (escalation ").append(escalation).append(" of ")
                    .append(Emergency.MAX_ESCALATIONS).append(").");
        }
        return content(NotificationType.EMERGENCY_ALERT, event, title, message.toString(),
                Map.of("escalation", escalation));
    }

    private static NotificationContent content(NotificationType type, EmergencyRaised event, String title,
                                               String message, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("emergencyId", event.emergencyId().toString());
        data.put("type", event.type().name());
        if (event.flatId() != null) {
            data.put("flatId", event.flatId().toString());
            data.put("flat", flatLabel(event));
        }
        if (event.location() != null) {
            data.put("location", event.location());
        }
        data.putAll(extra);
        // the message names the reporter and says what happened to them: filed under the reporter
        return new NotificationContent(type, title, message, data, REFERENCE, event.emergencyId().toString(),
                DataSubject.user(event.reportedBy().value()));
    }

    private static String who(EmergencyRaised event) {
        String name = event.reporterName() == null ? "A member" : event.reporterName();
        return event.flatNumber() == null ? name : name + " (" + flatLabel(event) + ")";
    }

    private static String flatLabel(EmergencyRaised event) {
        return event.block() + "-" + event.flatNumber();
    }

    private static String notes(String notes) {
        return notes == null ? "" : " Notes: " + notes;
    }

    private EmergencyRaised raised(String emergencyId) {
        var events = eventStore.readEvents(emergencyId);
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof EmergencyRaised raised) {
                return raised;
            }
        }
        throw new IllegalStateException("Emergency " + emergencyId + " has no EmergencyRaised event");
    }
}
