package com.gatehouse.api.staff;

/** How a check-in or check-out came about. */
public enum CheckMethod {
    /** A guard scanned the staff member's QR card. */
    SCAN,
    /** A guard checked the staff member in or out by hand (no card). */
    MANUAL,
    /** Nobody checked out: the visit was closed automatically ({@code gatehouse.staff.auto-checkout-after}). */
    AUTO
}
