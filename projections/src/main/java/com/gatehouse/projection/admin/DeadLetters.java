package com.gatehouse.projection.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The events that processing groups could not handle, parked in Axon's sequenced dead-letter queue (one
 * sequence per aggregate: a parked event holds back the later events of its aggregate only, everything else
 * flows on). Counts and the last error per group (for {@code /admin/projections}, health and metrics), a
 * page of one group's letters, and retries: by hand (one sequence or all), and automatically with a backoff
 * per sequence that doubles after every failed attempt ({@link DeadLetterSettings}).
 * <p>
 * A retry runs the whole group's handlers for the parked event again (Axon's dead-letter processing), so
 * every group must tolerate handling an event twice: projections guard their writes with the aggregate's
 * sequence number or insert-if-absent, side-effect groups derive what they create from the triggering event
 * (a notification's id comes from trigger and recipient) and so never do the same thing twice. Several
 * instances may retry at once: the queue claims a sequence before processing it.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** Diagnostics key of a dead letter: how many times handling it failed. */
    public static final String ATTEMPTS = "attempts";
    /** How many due sequences one automatic round retries at most (the rest wait for the next round). */
    static final int MAX_PER_ROUND = 100;

    /** Dead letters of one group: how many, and the latest error text (null when none). */
    public record GroupState(long count, String lastError) {
        static final GroupState NONE = new GroupState(0, null);
    }

    /**
     * One parked event. {@code error} is null for an event parked only because an earlier event of its
     * aggregate is parked; {@code firstAttempt} is when it was parked, {@code lastAttempt} when it was last tried.
     */
    public record DeadLetterView(String id, String processingGroup, String eventId, String eventType,
                                 String aggregateType, String aggregateId, Long aggregateSequenceNumber,
                                 UUID societyId, String error, String errorType, Instant firstAttempt,
                                 Instant lastAttempt, long attempts, Instant nextRetry) {
    }

    /** What a retry did: sequences handled successfully, and how many dead letters the group still has. */
    public record RetryResult(int retried, int failed, long remaining) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final DeadLetterSettings settings;
    private final Clock clock;

    public DeadLetters(EventProcessingConfiguration processing, JdbcTemplate jdbc, ObjectMapper json,
                       DeadLetterSettings settings, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every group that has dead letters, with its count and latest error. */
    public Map<String, GroupState> states() {
        Map<String, GroupState> states = new HashMap<>();
        jdbc.query("""
                select processing_group, count(*) as letters,
                       (select d.cause_message from dead_letter_entry d
                        where d.processing_group = e.processing_group and d.cause_message is not null
                        order by d.last_touched desc limit 1) as last_error
                from dead_letter_entry e group by processing_group""", rs -> {
            states.put(rs.getString("processing_group"),
                    new GroupState(rs.getLong("letters"), rs.getString("last_error")));
        });
        return states;
    }

    public GroupState state(String group) {
        return states().getOrDefault(group, GroupState.NONE);
    }

    /** One page of a group's dead letters, in the order they will be retried within each aggregate. */
    public PageRequest.Slice<DeadLetterView> page(String group, PageRequest page) {
        requireGroup(group);
        return Paging.slice(jdbc, "dead_letter_entry", Where.is("processing_group", group),
                "enqueued_at, sequence_identifier, sequence_index", rows(), page);
    }

    /** Retries the sequence (aggregate) that holds this dead letter, from its first parked event. */
    public RetryResult retry(String group, String deadLetterId) {
        var processor = requireGroup(group);
        List<String> head = jdbc.queryForList("""
                select h.event_identifier from dead_letter_entry d
                join dead_letter_entry h on h.processing_group = d.processing_group
                                        and h.sequence_identifier = d.sequence_identifier
                where d.processing_group = ? and d.dead_letter_id = ?
                order by h.sequence_index limit 1""", String.class, group, deadLetterId);
        if (head.isEmpty()) {
            throw Problem.notFound("Dead letter");
        }
        boolean ok = processor.process(letter -> letter.message().getIdentifier().equals(head.get(0)));
        return new RetryResult(ok ? 1 : 0, ok ? 0 : 1, state(group).count());
    }

    /** Retries every parked sequence of the group once, each from its first parked event. */
    public RetryResult retryAll(String group) {
        var processor = requireGroup(group);
        int retried = 0;
        int failed = 0;
        for (String head : heads(group)) {
            if (processor.process(letter -> letter.message().getIdentifier().equals(head))) {
                retried++;
            } else {
                failed++;
            }
        }
        return new RetryResult(retried, failed, state(group).count());
    }

    /**
     * Retries the sequences whose backoff has passed, in every group: the first retry
     * {@code first-retry-after} after parking, then twice as long after each failed attempt, at most
     * {@code max-retry-backoff} apart.
     */
    @Scheduled(fixedDelayString = "${gatehouse.dead-letters.retry-check-interval:PT5S}",
            initialDelayString = "${gatehouse.dead-letters.retry-check-interval:PT5S}")
    public void retryDue() {
        for (String group : states().keySet()) {
            try {
                retryDue(group);
            } catch (RuntimeException e) {
                log.warn("Automatic retry of the dead letters of '{}' failed: {}", group, e.toString());
            }
        }
    }

    private void retryDue(String group) {
        var processor = processing.sequencedDeadLetterProcessor(group).orElse(null);
        if (processor == null) {
            return;
        }
        Instant now = clock.instant();
        Predicate<DeadLetter<? extends EventMessage<?>>> due = letter -> !nextRetry(letter).isAfter(now);
        for (int round = 0; round < MAX_PER_ROUND; round++) {
            AtomicBoolean found = new AtomicBoolean();
            boolean ok = processor.process(letter -> {
                boolean isDue = due.test(letter);
                found.compareAndSet(false, isDue);
                return isDue;
            });
            if (!found.get()) {
                return;
            }
            log.info("Automatic retry of a parked sequence of '{}': {}", group, ok ? "applied" : "failed again");
        }
    }

    private Instant nextRetry(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.lastTouched().plus(settings.backoffAfter(Math.max(1, attempts(letter.diagnostics().get(ATTEMPTS)))));
    }

    private static long attempts(Object value) {
        return value instanceof Number n ? n.longValue() : value == null ? 0 : Long.parseLong(value.toString());
    }

    /** The first parked event of each of the group's sequences. */
    private List<String> heads(String group) {
        return jdbc.queryForList("""
                select distinct on (sequence_identifier) event_identifier from dead_letter_entry
                where processing_group = ? order by sequence_identifier, sequence_index""", String.class, group);
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> requireGroup(String group) {
        return processing.sequencedDeadLetterProcessor(group).orElseThrow(() -> Problem.notFound("Projection"));
    }

    private RowMapper<DeadLetterView> rows() {
        return (rs, i) -> {
            JsonNode payload = read(rs.getBytes("payload"));
            JsonNode metaData = read(rs.getBytes("meta_data"));
            JsonNode diagnostics = read(rs.getBytes("diagnostics"));
            String type = rs.getString("payload_type");
            long attempts = diagnostics.path(ATTEMPTS).asLong(0);
            Instant lastTouched = instant(rs.getString("last_touched"));
            String error = rs.getString("cause_message");
            Long sequenceNumber = rs.getObject("sequence_number", Long.class);
            return new DeadLetterView(rs.getString("dead_letter_id"), rs.getString("processing_group"),
                    rs.getString("event_identifier"), type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1),
                    rs.getString("aggregate_type"), rs.getString("aggregate_identifier"),
                    sequenceNumber,
                    society(payload, metaData), error, rs.getString("cause_type"),
                    instant(rs.getString("enqueued_at")), lastTouched, attempts,
                    error == null || lastTouched == null ? null : lastTouched.plus(settings.backoffAfter(Math.max(1, attempts))));
        };
    }

    /** The society of the parked event: its payload's {@code societyId}, else the actor's from the metadata. */
    private static UUID society(JsonNode payload, JsonNode metaData) {
        for (JsonNode node : new JsonNode[]{payload.path("societyId"), metaData.path(MetaDataKeys.SOCIETY_ID)}) {
            if (node.isTextual()) {
                try {
                    return UUID.fromString(node.asText());
                } catch (IllegalArgumentException notAnId) {
                    // fall through to the next source
                }
            }
        }
        return null;
    }

    private JsonNode read(byte[] bytes) {
        if (bytes == null) {
            return json.missingNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
