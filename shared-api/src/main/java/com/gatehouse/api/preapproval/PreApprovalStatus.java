package com.gatehouse.api.preapproval;

/**
 * Where a pre-approval stands: ACTIVE until exactly one of USED (its last use), EXPIRED (its deadline at
 * validUntil) or CANCELLED (a resident of the flat) ends it.
 */
public enum PreApprovalStatus {
    ACTIVE, USED, EXPIRED, CANCELLED
}
