package com.gatehouse.api.notification;

/** What a notification is about (the contract's enum). */
public enum NotificationType {
    ONBOARDING_STATUS, ENTRY_REQUEST, DELIVERY_REQUEST, EMERGENCY_ALERT, STAFF_CHECKIN, STAFF_CHECKOUT, SYSTEM,
    /** A visitor came in without anyone being asked: pre-approved, an expected delivery, a standing rule. */
    VISITOR_ENTERED,
    /** A gate pass was approved or rejected (to the resident who asked for it). */
    GATE_PASS_DECISION,
    /** A domestic staff booking was requested, accepted, rejected, cancelled or completed. */
    STAFF_BOOKING
}
