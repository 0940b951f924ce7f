package com.gatehouse.api.staff;

/**
 * Whether a staff member can be booked now. AVAILABLE and ON_LEAVE are set by an admin or a resident of a flat
 * they work for; BUSY is while they are checked in, INACTIVE once deactivated (both follow from what happened).
 */
public enum StaffAvailability {
    AVAILABLE, BUSY, ON_LEAVE, INACTIVE
}
