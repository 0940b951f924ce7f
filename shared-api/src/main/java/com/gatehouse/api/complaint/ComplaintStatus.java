package com.gatehouse.api.complaint;

/**
 * Where a complaint is in its life: OPEN -> IN_PROGRESS -> RESOLVED -> CLOSED, or REJECTED (with a reason)
 * while open or in progress. A resolved complaint may be reopened by its reporter within the reopen window
 * (back to OPEN). WITHDRAWN is not in the seed's enum (the seed deleted the row): the reporter took an open
 * complaint back; it stays in the history and in reports.
 */
public enum ComplaintStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED, REJECTED, WITHDRAWN;

    /** Whether the complaint still waits for the society to act. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
