package com.gatehouse.api.amenity;

/**
 * Where a booking stands. PENDING waits for an admin's approval (amenities that need it), CONFIRMED holds the
 * slot, CANCELLED frees it (by the booker, or by an admin: a refusal). PENDING and CONFIRMED bookings are
 * "active": they take their slot and count toward the booker's limit until they end. (The seed's COMPLETED is
 * not produced: a confirmed booking whose end has passed is simply past.)
 */
public enum BookingStatus {
    PENDING, CONFIRMED, CANCELLED;

    public boolean holdsSlot() {
        return this == PENDING || this == CONFIRMED;
    }
}
