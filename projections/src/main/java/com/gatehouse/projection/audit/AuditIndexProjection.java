package com.gatehouse.projection.audit;

import com.gatehouse.api.audit.AuditEvent;
import com.gatehouse.api.audit.AuditQuery.AuditFilter;
import com.gatehouse.api.common.MetaDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Indexes every stored event by society, aggregate and time, so audits never scan other societies'
 * events. Rows of one batch are written with one JDBC batch insert when the batch commits (same
 * transaction as the token); live audit followers get each event as it is indexed.
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

    private record Row(long globalIndex, UUID societyId, String aggregateType, String aggregateId,
                       Long sequenceNumber, String eventType, Timestamp occurredAt, String actorId) {
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        long globalIndex = token.position().orElseThrow();
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Object actor = event.getMetaData().get(MetaDataKeys.ACTOR_ID);
        var row = new Row(globalIndex, societyOf(payload, event), aggregateType, aggregateId, sequence,
                payload.getClass().getSimpleName(), Timestamp.from(event.getTimestamp()),
                actor == null ? null : actor.toString());
        batch().add(row);
        if (emitter.activeSubscriptions().stream().anyMatch(q -> q.getPayload() instanceof AuditFilter)) {
            var audit = new AuditEvent(row.globalIndex(), row.aggregateType(), row.aggregateId(), row.sequenceNumber(),
                    row.eventType(), event.getTimestamp(), row.actorId(), row.societyId(),
                    AuditLog.redacted(new String(eventSerializer.serialize(payload, byte[].class).getData(),
                            StandardCharsets.UTF_8)));
            emitter.emit(AuditFilter.class, filter -> filter.matches(audit), audit);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate audit_event_index");
    }

    /** The rows of the current batch, inserted together just before it commits. */
    private List<Row> batch() {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<Row> rows = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> insert(rows));
            return rows;
        });
    }

    private void insert(List<Row> rows) {
        jdbc.batchUpdate("""
                        insert into audit_event_index (global_index, society_id, aggregate_type, aggregate_id,
                            sequence_number, event_type, occurred_at, actor_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (global_index) do nothing""",
                rows, 500, (ps, row) -> {
                    ps.setLong(1, row.globalIndex());
                    ps.setObject(2, row.societyId());
                    ps.setString(3, row.aggregateType());
                    ps.setString(4, row.aggregateId());
                    ps.setObject(5, row.sequenceNumber());
                    ps.setString(6, row.eventType());
                    ps.setTimestamp(7, row.occurredAt());
                    ps.setString(8, row.actorId());
                });
    }

    static UUID societyOf(Object payload, EventMessage<?> event) {
        if (payload instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getName().equals("societyId")) {
                    try {
                        Object value = component.getAccessor().invoke(record);
                        if (value != null) {
                            return UUID.fromString(value.toString());
                        }
                    } catch (ReflectiveOperationException | IllegalArgumentException e) {
                        break;
                    }
                }
            }
        }
        Object fromMeta = event.getMetaData().get(MetaDataKeys.SOCIETY_ID);
        return fromMeta == null ? null : UUID.fromString(fromMeta.toString());
    }
}
