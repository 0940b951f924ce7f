package com.gatehouse.api.emergency;

/**
 * Where an emergency stands (the seed's enum): ACTIVE until an admin resolves it or marks it a false alarm.
 * Whether a guard or admin has responded is a separate fact ({@code respondedById}): an ACTIVE emergency may be
 * answered and still going on.
 */
public enum EmergencyStatus {
    ACTIVE, RESOLVED, FALSE_ALARM
}
