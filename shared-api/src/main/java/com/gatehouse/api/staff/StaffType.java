package com.gatehouse.api.staff;

/** What a domestic staff member does (the contract's enum). */
public enum StaffType {
    MAID, COOK, DRIVER, NANNY, CLEANER, GARDENER, OTHER, LAUNDRY, CARETAKER, SECURITY_GUARD
}
