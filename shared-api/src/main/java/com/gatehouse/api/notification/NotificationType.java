package com.gatehouse.api.notification;

/** What a notification is about (the contract's enum). */
public enum NotificationType {
    ONBOARDING_STATUS, ENTRY_REQUEST, DELIVERY_REQUEST, EMERGENCY_ALERT, STAFF_CHECKIN, STAFF_CHECKOUT, SYSTEM,
    /** A domestic staff booking was requested, accepted, rejected, cancelled or completed. */
    STAFF_BOOKING
}
