package com.gatehouse.projection.audit;

import com.gatehouse.api.audit.AuditEvent;
import com.gatehouse.api.audit.AuditQuery.AuditFilter;
import com.gatehouse.api.common.EventSociety;
import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Indexes every stored event by society, aggregate and time, with its payload, so audits never scan other
 * societies' events and never read the event store's tables: the events come from Axon's tracked event
 * stream, which works the same on PostgreSQL and on Axon Server. The rows of one batch are written with one
 * statement when the batch commits (same transaction as the token); live audit followers get each event
 * once it is indexed.
 * <p>
 * The society of an event is the {@code societyId} of its payload when it has one (the directory's
 * society events are made by the platform operator), else the acting user's society from the metadata.
 * Its global index comes from its tracking token ({@link #globalIndexOf}, {@link #firstOfBatch}). The group
 * runs one segment, so events arrive in the stream's order.
 */
@Component
@ProcessingGroup(AuditIndexProjection.GROUP)
public class AuditIndexProjection {

    public static final String GROUP = "audit-index";
    /**
     * Wake-ups of live audit followers: the highest global index just indexed, keyed by {@link LiveFeed#society}
     * of the events' society ({@link #NO_SOCIETY} for events of none) and of {@link #ALL}.
     */
    public static final LiveFeed<Long> INDEXED = LiveFeed.of("audit-indexed", Long.class);
    /** The key of platform-wide followers. */
    public static final UUID ALL = new UUID(0, 0);
    /** The key of events that belong to no society. */
    public static final UUID NO_SOCIETY = new UUID(0, 1);
    private static final String BATCH = AuditIndexProjection.class.getName() + ".batch";
    /** How far below its index a gap-aware token keeps gaps (Axon's JDBC event store default). */
    static final long GAP_WINDOW = 10_000;
    /** How far below its index a gap-filling event's position is looked for first. */
    private static final long NEAR = 64;

    private final JdbcTemplate jdbc;
    private final LiveFeeds live;
    private final Serializer eventSerializer;

    public AuditIndexProjection(JdbcTemplate jdbc, LiveFeeds live,
                                @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.live = live;
        this.eventSerializer = eventSerializer;
    }

    /** One event of the batch. */
    private record Row(long globalIndex, String eventId, UUID societyId, String aggregateType, String aggregateId,
                       Long sequenceNumber, String eventType, Instant occurredAt, String actorId, String payload) {
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Object actor = event.getMetaData().get(MetaDataKeys.ACTOR_ID);
        Batch batch = batch();
        long globalIndex = batch.previous != null ? globalIndexOf(batch.previous, token) : firstOfBatch(token);
        batch.previous = token;
        batch.rows.add(new Row(globalIndex, event.getIdentifier(), societyOf(payload, event), aggregateType,
                aggregateId, sequence, payload.getClass().getSimpleName(), event.getTimestamp(),
                actor == null ? null : actor.toString(),
                // as stored: personal fields stay sealed here (opened for auditors when read, see SealedPayloads), and
                // a replay writes the same bytes as the live run did
                new String(event.serializePayload(eventSerializer, byte[].class).getData(), StandardCharsets.UTF_8)));
    }

    /** The rows of one batch (one transaction), and the token of the event handled last in it. */
    private static final class Batch {
        final List<Row> rows = new ArrayList<>();
        TrackingToken previous;
    }

    /**
     * The global index of a batch's first event, when the token before it is not at hand (the processor stores
     * the batch's last token before handling it, and the segment may have been on another instance before).
     * On PostgreSQL every position below the token's index is indexed already (one segment, in order) but the
     * open gaps and the one this event fills: an event whose token index is indexed fills the highest position
     * below it that is neither indexed nor an open gap (within the store's gap window).
     */
    private long firstOfBatch(TrackingToken token) {
        var gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isEmpty()) {
            return globalIndexOf(null, token);
        }
        long index = gapAware.get().getIndex();
        Boolean indexed = jdbc.queryForObject("select exists (select 1 from audit_event_index where global_index = ?)",
                Boolean.class, index);
        if (!Boolean.TRUE.equals(indexed)) {
            return index;
        }
        String gaps = gapAware.get().getGaps().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        // the highest free position, looked for just below the token first (nearly always there) and only then in
        // the whole window: probing all of it, 10,000 index lookups, was an eighth of PostgreSQL's CPU under load
        for (long span : new long[]{NEAR, GAP_WINDOW}) {
            Long filled = jdbc.queryForObject("""
                    select max(k) from generate_series(?::bigint, ?::bigint) as k
                    where k <> all (?::bigint[])
                      and not exists (select 1 from audit_event_index i where i.global_index = k)""",
                    Long.class, Math.max(0, index - span), index - 1, gaps);
            if (filled != null) {
                return filled;
            }
        }
        return index;
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate audit_event_index");
    }

    /**
     * An event's own place in the global order, from its tracking token. Axon Server's token is the event's
     * own global sequence. PostgreSQL's (gap-aware) token is the highest index the stream has reached: an event
     * committed late by a longer transaction fills a gap below it, and its index is the gap that the token
     * before it had and its own token no longer has (gaps dropped by a timeout at the same step all lie below).
     */
    static long globalIndexOf(TrackingToken before, TrackingToken token) {
        var current = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (current.isPresent()) {
            var gapAware = current.get();
            var previousGapAware = before == null ? null
                    : WrappedToken.unwrap(before, GapAwareTrackingToken.class).orElse(null);
            if (previousGapAware != null && previousGapAware.getIndex() >= gapAware.getIndex()) {
                var filled = new TreeSet<>(previousGapAware.getGaps());
                filled.removeAll(gapAware.getGaps());
                if (!filled.isEmpty()) {
                    return filled.last();
                }
            }
            return gapAware.getIndex();
        }
        return WrappedToken.unwrapLowerBound(token).position().orElseThrow(() ->
                new IllegalStateException("The audit index needs events with a position; got token " + token));
    }

    /** The current batch, written in one statement just before it commits. */
    private Batch batch() {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> write(batch.rows));
            return batch;
        });
    }

    /** Writes the batch in one statement; live followers get the rows that were new. */
    private void write(List<Row> rows) {
        int n = rows.size();
        Long[] indexes = new Long[n];
        String[] ids = new String[n];
        UUID[] societies = new UUID[n];
        String[] types = new String[n];
        String[] aggregates = new String[n];
        Long[] sequences = new Long[n];
        String[] eventTypes = new String[n];
        Timestamp[] times = new Timestamp[n];
        String[] actors = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            indexes[i] = row.globalIndex();
            ids[i] = row.eventId();
            societies[i] = row.societyId();
            types[i] = row.aggregateType();
            aggregates[i] = row.aggregateId();
            sequences[i] = row.sequenceNumber();
            eventTypes[i] = row.eventType();
            times[i] = Timestamp.from(row.occurredAt());
            actors[i] = row.actorId();
            payloads[i] = row.payload();
        }
        Set<Long> written = new HashSet<>();
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    insert into audit_event_index (global_index, event_id, society_id, aggregate_type, aggregate_id,
                        sequence_number, event_type, occurred_at, actor_id, payload)
                    select * from unnest(?::bigint[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::bigint[],
                                         ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                    on conflict (global_index) do nothing
                    returning global_index""")) {
                statement.setArray(1, connection.createArrayOf("bigint", indexes));
                statement.setArray(2, connection.createArrayOf("text", ids));
                statement.setArray(3, connection.createArrayOf("uuid", societies));
                statement.setArray(4, connection.createArrayOf("text", types));
                statement.setArray(5, connection.createArrayOf("text", aggregates));
                statement.setArray(6, connection.createArrayOf("bigint", sequences));
                statement.setArray(7, connection.createArrayOf("text", eventTypes));
                statement.setArray(8, connection.createArrayOf("timestamptz", times));
                statement.setArray(9, connection.createArrayOf("text", actors));
                statement.setArray(10, connection.createArrayOf("text", payloads));
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        written.add(result.getLong(1));
                    }
                }
            }
            return null;
        });
        // live followers are woken (on every instance, at commit) and read what was indexed from the table
        java.util.Map<UUID, Long> indexed = new java.util.HashMap<>();
        for (Row row : rows) {
            if (written.contains(row.globalIndex())) {
                indexed.merge(row.societyId() == null ? NO_SOCIETY : row.societyId(), row.globalIndex(), Math::max);
            }
        }
        indexed.forEach((society, index) -> live.publish(INDEXED, index, LiveFeed.society(ALL),
                LiveFeed.society(society)));
    }

    static UUID societyOf(Object payload, EventMessage<?> event) {
        return EventSociety.of(payload, event.getMetaData());
    }
}
