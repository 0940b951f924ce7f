package com.gatehouse.projection.audit;

import com.gatehouse.api.audit.AuditEvent;
import com.gatehouse.api.audit.AuditQuery.AuditFilter;
import com.gatehouse.api.common.EventSociety;
import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.projection.common.Subscribers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * Indexes every stored event by society, aggregate and time, so audits never scan other societies'
 * events. The rows of one batch are written with one statement when the batch commits (same
 * transaction as the token); live audit followers get each event once it is indexed.
 * <p>
 * The society of an event is the {@code societyId} of its payload when it has one (the directory's
 * society events are made by the platform operator), else the acting user's society from the metadata.
 */
@Component
@ProcessingGroup(AuditIndexProjection.GROUP)
public class AuditIndexProjection {

    public static final String GROUP = "audit-index";
    private static final String BATCH = AuditIndexProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter emitter;
    private final Serializer eventSerializer;

    public AuditIndexProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter,
                                @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.emitter = emitter;
        this.eventSerializer = eventSerializer;
    }

    /** One event of the batch; its global index is looked up by its identifier when the batch is written. */
    private record Row(String eventId, UUID societyId, String aggregateType, String aggregateId, Long sequenceNumber,
                       String eventType, Instant occurredAt, String actorId, Object payload) {
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Object actor = event.getMetaData().get(MetaDataKeys.ACTOR_ID);
        batch().add(new Row(event.getIdentifier(), societyOf(payload, event), aggregateType, aggregateId, sequence,
                payload.getClass().getSimpleName(), event.getTimestamp(), actor == null ? null : actor.toString(),
                payload));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate audit_event_index");
    }

    /** The rows of the current batch, written together just before it commits. */
    private List<Row> batch() {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<Row> rows = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> write(rows));
            return rows;
        });
    }

    /**
     * Writes the batch in one statement. Each event's own global index comes from the event store by its
     * identifier: the tracking token only says how far the stream has come, and an event that fills a
     * gap (committed late by a longer transaction) sits below that position.
     */
    private void write(List<Row> rows) {
        int n = rows.size();
        String[] ids = new String[n];
        UUID[] societies = new UUID[n];
        String[] types = new String[n];
        String[] aggregates = new String[n];
        Long[] sequences = new Long[n];
        String[] eventTypes = new String[n];
        Timestamp[] times = new Timestamp[n];
        String[] actors = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ids[i] = row.eventId();
            societies[i] = row.societyId();
            types[i] = row.aggregateType();
            aggregates[i] = row.aggregateId();
            sequences[i] = row.sequenceNumber();
            eventTypes[i] = row.eventType();
            times[i] = Timestamp.from(row.occurredAt());
            actors[i] = row.actorId();
        }
        Map<String, Long> written = new HashMap<>();
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    insert into audit_event_index (global_index, society_id, aggregate_type, aggregate_id,
                        sequence_number, event_type, occurred_at, actor_id)
                    select e.global_index, r.society_id, r.aggregate_type, r.aggregate_id, r.sequence_number,
                           r.event_type, r.occurred_at, r.actor_id
                    from unnest(?::text[], ?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[],
                                ?::text[]) as r(event_id, society_id, aggregate_type, aggregate_id, sequence_number,
                                                event_type, occurred_at, actor_id)
                    join domain_event_entry e on e.event_identifier = r.event_id
                    on conflict (global_index) do nothing
                    returning global_index, (select event_identifier from domain_event_entry d
                                             where d.global_index = audit_event_index.global_index)""")) {
                statement.setArray(1, connection.createArrayOf("text", ids));
                statement.setArray(2, connection.createArrayOf("uuid", societies));
                statement.setArray(3, connection.createArrayOf("text", types));
                statement.setArray(4, connection.createArrayOf("text", aggregates));
                statement.setArray(5, connection.createArrayOf("bigint", sequences));
                statement.setArray(6, connection.createArrayOf("text", eventTypes));
                statement.setArray(7, connection.createArrayOf("timestamptz", times));
                statement.setArray(8, connection.createArrayOf("text", actors));
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        written.put(result.getString(2), result.getLong(1));
                    }
                }
            }
            return null;
        });
        if (!written.isEmpty() && Subscribers.waitingFor(emitter, AuditFilter.class)) {
            for (Row row : rows) {
                Long globalIndex = written.get(row.eventId());
                if (globalIndex != null) {
                    var audit = new AuditEvent(globalIndex, row.aggregateType(), row.aggregateId(), row.sequenceNumber(),
                            row.eventType(), row.occurredAt(), row.actorId(), row.societyId(),
                            AuditLog.redacted(new String(eventSerializer.serialize(row.payload(), byte[].class).getData(),
                                    StandardCharsets.UTF_8)));
                    emitter.emit(AuditFilter.class, filter -> filter.matches(audit), audit);
                }
            }
        }
    }

    static UUID societyOf(Object payload, EventMessage<?> event) {
        return EventSociety.of(payload, event.getMetaData());
    }
}
