package com.gatehouse.api.staff;

/** How a flat pays a staff member its agreed rate. */
public enum RateType {
    MONTHLY, DAILY, HOURLY, PER_VISIT
}
