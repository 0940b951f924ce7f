package com.gatehouse.projection.audit;

import com.gatehouse.api.audit.AuditEvent;
import com.gatehouse.api.audit.AuditQuery.AuditFilter;
import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.projection.common.Subscribers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Indexes every stored event by society, aggregate and time, so audits never scan other societies'
 * events. The rows of one batch are written with one statement when the batch commits (same
 * transaction as the token); live audit followers get each event once it is indexed.
 * <p>
 * PostgreSQL derives each row from the stored event itself (looked up by its identifier), so the
 * processor never deserialises a payload: that was most of a replay's time in the JVM. The society of an
 * event is the {@code societyId} of its payload when it has one (the directory's society events are made
 * by the platform operator), else the acting user's society from the metadata; the event type is the
 * payload class's simple name; non-domain events have no aggregate.
 */
@Component
@ProcessingGroup(AuditIndexProjection.GROUP)
public class AuditIndexProjection {

    public static final String GROUP = "audit-index";
    private static final String BATCH = AuditIndexProjection.class.getName() + ".batch";

    /** The JSON of a stored payload or metadata, and a UUID read from it only when it is one. */
    private static final String PAYLOAD = "convert_from(e.payload, 'UTF8')::json";
    private static final String META = "convert_from(e.meta_data, 'UTF8')::json";
    private static final String UUID_PATTERN = "'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'";

    private static final String INSERT = """
            insert into audit_event_index (global_index, society_id, aggregate_type, aggregate_id,
                sequence_number, event_type, occurred_at, actor_id)
            select e.global_index,
                   coalesce(case when %1$s->>'societyId' ~ %3$s then (%1$s->>'societyId')::uuid end,
                            case when %2$s->>'%4$s' ~ %3$s then (%2$s->>'%4$s')::uuid end),
                   e.type,
                   case when e.type is not null then e.aggregate_identifier end,
                   case when e.type is not null then e.sequence_number end,
                   regexp_replace(e.payload_type, '^.*[.$]', ''),
                   e.time_stamp::timestamptz,
                   %2$s->>'%5$s'
            from domain_event_entry e
            where e.event_identifier = any(?)
            on conflict (global_index) do nothing
            """.formatted(PAYLOAD, META, UUID_PATTERN, MetaDataKeys.SOCIETY_ID, MetaDataKeys.ACTOR_ID);

    /** The rows just written, with their payloads, in the shape the audit trail reads ({@link AuditLog#EVENT}). */
    private static final String RETURNING = """
            returning audit_event_index.*, (select d.payload from domain_event_entry d
                                            where d.global_index = audit_event_index.global_index) as payload""";

    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter emitter;

    public AuditIndexProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.emitter = emitter;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        batch().add(event.getIdentifier());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate audit_event_index");
    }

    /** The identifiers of the current batch's events, written together just before it commits. */
    private List<String> batch() {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<String> ids = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> write(ids));
            return ids;
        });
    }

    /**
     * Writes the batch in one statement. Each event's own global index comes from the event store by its
     * identifier: the tracking token only says how far the stream has come, and an event that fills a
     * gap (committed late by a longer transaction) sits below that position. Live audit followers get the
     * rows written, in global order, with the payload as stored.
     */
    private void write(List<String> ids) {
        if (!Subscribers.waitingFor(emitter, AuditFilter.class)) {
            jdbc.update(connection -> {
                var statement = connection.prepareStatement(INSERT);
                statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
                return statement;
            });
            return;
        }
        List<AuditEvent> written = jdbc.query(connection -> {
            var statement = connection.prepareStatement(INSERT + RETURNING);
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            return statement;
        }, AuditLog.EVENT);
        written.stream()
                .sorted(java.util.Comparator.comparingLong(AuditEvent::globalIndex))
                .forEach(audit -> emitter.emit(AuditFilter.class, filter -> filter.matches(audit), audit));
    }
}
