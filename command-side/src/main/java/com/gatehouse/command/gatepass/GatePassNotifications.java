package com.gatehouse.command.gatepass;

import com.gatehouse.api.gatepass.GatePassEvent.GatePassApproved;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassRejected;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.command.notification.Notifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the resident who asked for a gate pass how the admin decided ({@code GATE_PASS_DECISION}). A side
 * effect: its own processing group that never replays; the event's id makes each notification once-only.
 */
@Component
@ProcessingGroup(GatePassNotifications.GROUP)
@DisallowReplay
public class GatePassNotifications {

    public static final String GROUP = "gate-pass-notifications";
    public static final String REFERENCE = "GatePass";

    private final Notifications notifications;

    public GatePassNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventHandler
    void on(GatePassApproved event, EventMessage<?> message) {
        notifications.toUser(message.getIdentifier(), event.requestedBy(), event.societyId(),
                content(event.gatePassId().toString(), event.type().name(), "APPROVED", "Gate pass approved",
                        "Your gate pass \"" + event.title() + "\" was approved. Show its QR code at the gate.", null));
    }

    @EventHandler
    void on(GatePassRejected event, EventMessage<?> message) {
        notifications.toUser(message.getIdentifier(), event.requestedBy(), event.societyId(),
                content(event.gatePassId().toString(), event.type().name(), "REJECTED", "Gate pass rejected",
                        "Your gate pass \"" + event.title() + "\" was rejected"
                                + (event.reason() == null ? "." : ": " + event.reason()), event.reason()));
    }

    static NotificationContent content(String passId, String type, String status, String title, String message,
                                       String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("gatePassId", passId);
        data.put("type", type);
        data.put("status", status);
        if (reason != null) {
            data.put("rejectionReason", reason);
        }
        return new NotificationContent(NotificationType.GATE_PASS_DECISION, title, message, data, REFERENCE, passId);
    }
}
