package com.gatehouse.api.entry;

/** Where an entry request stands: pending until exactly one of approve, reject or expire happens. */
public enum EntryRequestStatus {
    PENDING, APPROVED, REJECTED, EXPIRED
}
