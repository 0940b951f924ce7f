package com.gatehouse.api.admin;

import com.gatehouse.api.common.UserId;

import java.time.Instant;
import java.util.UUID;

/** What happened to a dead letter (an event a processing group could not handle). */
public sealed interface DeadLetterEvent {

    String deadLetterId();

    /**
     * A parked event was removed from its group's dead letters: that group will never apply it. Names the
     * event ({@code eventIdentifier}, {@code eventType}, {@code aggregateId}), the society it belongs to (so the
     * eviction shows in that society's audit trail too), the last error, who evicted it and why.
     */
    record DeadLetterEvicted(String deadLetterId, String processingGroup, String eventIdentifier, String eventType,
                             String aggregateId, UUID societyId, String error, String reason, UserId by,
                             Instant evictedAt) implements DeadLetterEvent {
    }
}
