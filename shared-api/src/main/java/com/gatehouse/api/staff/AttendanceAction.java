package com.gatehouse.api.staff;

/** What a scan (or a manual check) did: the contract's {@code action}. */
public enum AttendanceAction {
    CHECK_IN, CHECK_OUT
}
