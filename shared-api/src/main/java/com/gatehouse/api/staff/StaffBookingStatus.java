package com.gatehouse.api.staff;

/**
 * A booking's life: PENDING until the society's admin accepts (CONFIRMED) or rejects (REJECTED) it on the staff
 * member's behalf; the booking flat may cancel a PENDING or CONFIRMED one (CANCELLED); a CONFIRMED one is
 * COMPLETED with its actual duration and cost. PENDING and CONFIRMED bookings hold their slot.
 */
public enum StaffBookingStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, COMPLETED;

    /** Whether the booking still holds its slot (no other booking of the staff member may overlap it). */
    public boolean holdsSlot() {
        return this == PENDING || this == CONFIRMED;
    }
}
