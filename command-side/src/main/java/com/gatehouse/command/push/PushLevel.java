package com.gatehouse.command.push;

import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;

/**
 * How loudly a notification's push rings: the one classification of {@link NotificationType} for push. The
 * switch has no default, so a new notification type does not compile until someone decides how it rings.
 * <ul>
 *   <li>{@link #CRITICAL}: an SOS ({@code EMERGENCY_ALERT}): Android priority high, APNs priority 10 with the
 *   {@code critical} interruption level and critical sound, Web Push urgency high; never muted, never silenced by
 *   quiet hours.</li>
 *   <li>{@link #TIME_SENSITIVE}: someone waits at the gate (entry and delivery requests, and anything about a
 *   pending request: its reminder, the guard's "nobody answered"): high priority, {@code time-sensitive}; never
 *   muted, never silenced (a resident receives requests only for their own flat).</li>
 *   <li>{@link #ACTIVE}: everything else: normal priority, {@code active}; the user's mutes and quiet hours apply.</li>
 * </ul>
 */
public enum PushLevel {
    CRITICAL, TIME_SENSITIVE, ACTIVE;

    public static PushLevel of(NotificationType type) {
        return switch (type) {
            case EMERGENCY_ALERT -> CRITICAL;
            case ENTRY_REQUEST, DELIVERY_REQUEST -> TIME_SENSITIVE;
            case ONBOARDING_STATUS, STAFF_CHECKIN, STAFF_CHECKOUT, SYSTEM, VISITOR_ENTERED, GATE_PASS_DECISION,
                 STAFF_BOOKING -> ACTIVE;
        };
    }

    /** The level of this notification: its type's, raised to time-sensitive for anything about a pending request. */
    public static PushLevel of(NotificationContent content) {
        PushLevel level = of(content.type());
        return level == ACTIVE && EntryRequestId.REFERENCE_TYPE.equals(content.referenceType()) ? TIME_SENSITIVE : level;
    }

    /** High priority on every platform. */
    public boolean urgent() {
        return this != ACTIVE;
    }

    /** Whether the user's mutes and quiet hours may silence it. */
    public boolean silenceable() {
        return this == ACTIVE;
    }
}
