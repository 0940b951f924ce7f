package com.gatehouse.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored event as auditors see it: where it sits in the global order, which aggregate it belongs
 * to, what it is, when, who caused it, and its payload exactly as stored (JSON).
 */
public record AuditEvent(long globalIndex, String aggregateType, String aggregateId, Long sequenceNumber,
                         String eventType, Instant timestamp, String actorId, UUID societyId,
                         @JsonRawValue String payload) {
}
