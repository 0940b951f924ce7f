package com.gatehouse.api.gatepass;

/**
 * Where a gate pass stands: PENDING until an admin approves or rejects it; an APPROVED pass is scanned
 * once (USED). PENDING and APPROVED passes expire at validUntil (EXPIRED) and may be cancelled by a resident
 * of the flat before use (CANCELLED).
 */
public enum GatePassStatus {
    PENDING, APPROVED, REJECTED, USED, EXPIRED, CANCELLED
}
