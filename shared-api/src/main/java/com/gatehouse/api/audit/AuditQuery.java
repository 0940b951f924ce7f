package com.gatehouse.api.audit;

import java.time.Instant;
import java.util.UUID;

/** Questions about the event history. */
public sealed interface AuditQuery {

    /**
     * The filter of an audit read: a society (null: the whole platform), an optional time range
     * [from, to), aggregate type and id. Also the subscription query of the live part (updates:
     * {@link AuditEvent}).
     */
    record AuditFilter(UUID societyId, Instant from, Instant to, String aggregateType, String aggregateId)
            implements AuditQuery {

        public boolean matches(AuditEvent event) {
            return (societyId == null || societyId.equals(event.societyId()))
                    && (from == null || !event.timestamp().isBefore(from))
                    && (to == null || event.timestamp().isBefore(to))
                    && (aggregateType == null || aggregateType.equals(event.aggregateType()))
                    && (aggregateId == null || aggregateId.equals(event.aggregateId()));
        }
    }
}
