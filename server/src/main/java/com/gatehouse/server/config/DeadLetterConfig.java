package com.gatehouse.server.config;

import com.gatehouse.projection.admin.DeadLetters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;

import javax.annotation.Nonnull;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every processing group parks what it cannot handle instead of stopping: Axon's sequenced dead-letter queue
 * (the JDBC one, table {@code dead_letter_entry} owned by Flyway: server/V1_2), sequenced per aggregate (each
 * group's own sequencing policy; the default is per aggregate), so a failing event holds back the later events
 * of its own aggregate only and every other aggregate and society flows on. With Axon Server as event store
 * the same JDBC queue is used: the read models and the tokens stay in PostgreSQL.
 * <p>
 * Each event handler runs inside a savepoint ({@link SavepointPerEventHandler}): on PostgreSQL a failed
 * statement poisons the whole transaction, which holds the batch, the token and the dead letter itself; the
 * savepoint undoes only the failing handler's writes. Retries (by hand or automatic, see {@link DeadLetters})
 * run each parked event in a nested transaction for the same reason.
 */
@Configuration
public class DeadLetterConfig {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfig.class);

    /** Beyond these the queue refuses to park more (and the processor then stops and retries the batch). */
    static final int MAX_SEQUENCES = 100_000;
    static final int MAX_SEQUENCE_SIZE = 100_000;
    /** The {@code cause_message} column's width. */
    static final int MAX_ERROR = 1_000;
    /** Health status of a group with dead letters: not UP, but the instance still serves (HTTP 200). */
    public static final Status DEGRADED = new Status("DEGRADED", "events are parked as dead letters");

    public static DeadLetterSchema schema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    public SavepointPerEventHandler savepointPerEventHandler(PlatformTransactionManager transactions) {
        return new SavepointPerEventHandler(transactions);
    }

    @Bean
    public ConfigurerModule deadLetterQueues(DataSource dataSource, PlatformTransactionManager transactions,
                                             ApplicationContext context) {
        var connections = new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
        var queueTransactions = new SpringTransactionManager(transactions);
        var nested = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
        var retryTransactions = new SpringTransactionManager(transactions, nested);
        return new ConfigurerModule() {
            /** After Axon's own module, which registers a provider for the groups enabled by property only. */
            @Override
            public int order() {
                return 100;
            }

            @Override
            public void configureModule(@Nonnull Configurer configurer) {
                var processing = configurer.eventProcessing();
                processing.registerDeadLetterQueueProvider(group -> config -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(queueTransactions)
                        .schema(schema())
                        .genericSerializer(config.serializer())
                        .eventSerializer(config.eventSerializer())
                        .maxSequences(MAX_SEQUENCES)
                        .maxSequenceSize(MAX_SEQUENCE_SIZE)
                        .build());
                processing.registerDefaultDeadLetterPolicy(config -> enqueuePolicy());
                for (String group : processingGroups(context)) {
                    // a replay (token reset) starts the group from the first event: its old dead letters go with it
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, builder) -> builder
                            .enableSequenceIdentifierCache()
                            .allowReset(true)
                            .transactionManager(retryTransactions));
                }
            }
        };
    }

    /**
     * Park what a handler cannot handle (never skip an event), counting the attempts for the backoff. The error
     * text is kept short and free of control characters: it is stored in a text column, and the failing input may
     * be the cause.
     * <p>
     * Except a transient conflict with another transaction (a deadlock, a serialization failure, a lock or query
     * timeout): that says nothing about the event, and parking it would hold back the later events of its sequence
     * until the next dead-letter retry (half a minute), the read model visibly behind meanwhile. It is thrown
     * instead, so the whole batch rolls back (releasing every lock it holds, which is what lets the other
     * transaction finish) and the processor handles it again after a second. The same event conflicting
     * {@value #CONFLICT_RETRIES} times in a row is parked after all, so a handler that always conflicts cannot hold
     * its segment for ever.
     */
    static EnqueuePolicy<EventMessage<?>> enqueuePolicy() {
        var conflicts = new ConflictCounts();
        return (letter, cause) -> {
            String event = letter.message().getIdentifier();
            if (isTransientConflict(cause) && conflicts.again(event) <= CONFLICT_RETRIES) {
                log.warn("Event {} ({}) conflicted with another transaction; its batch is retried: {}", event,
                        letter.message().getPayloadType().getSimpleName(), describe(cause));
                throw new TransientConflict(cause);
            }
            conflicts.forget(event);
            log.warn("Event {} ({}) is parked as a dead letter: {}", event,
                    letter.message().getPayloadType().getSimpleName(), describe(cause));
            return Decisions.requeue(new ThrowableCause(cause.getClass().getName(), describe(cause)),
                    failed -> failed.diagnostics().and(DeadLetters.ATTEMPTS, attempts(failed) + 1));
        };
    }

    /** A conflicting event is retried with its batch this many times before it is parked. */
    static final int CONFLICT_RETRIES = 5;

    /** Deadlock, serialization failure, lock or query timeout: PostgreSQL's SQL states, or Spring's translation. */
    static boolean isTransientConflict(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && Set.of("40P01", "40001", "55P03", "57014").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Thrown out of the handler invoker so the processor rolls the batch back and handles it again. */
    static final class TransientConflict extends RuntimeException {
        TransientConflict(Throwable cause) {
            super("Conflict with another transaction, the batch is retried: " + describe(cause), cause);
        }
    }

    /** How many times in a row each recently conflicting event conflicted (the last thousand events). */
    static final class ConflictCounts {
        private final Map<String, Integer> counts = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > 1_000;
            }
        };

        synchronized int again(String event) {
            return counts.merge(event, 1, Integer::sum);
        }

        synchronized void forget(String event) {
            counts.remove(event);
        }
    }

    private static long attempts(DeadLetter<? extends EventMessage<?>> letter) {
        Object value = letter.diagnostics().get(DeadLetters.ATTEMPTS);
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** "DataIntegrityViolationException: ERROR: new row ... violates check constraint ..." (the root cause's words). */
    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String text = cause.getClass().getSimpleName() + (root == cause ? "" : " (" + root.getClass().getSimpleName() + ")")
                + ": " + message;
        text = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "?");
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 3) + "...";
    }

    /** The processing groups of the application's event handlers (their {@code @ProcessingGroup}). */
    private static Set<String> processingGroups(ApplicationContext context) {
        Set<String> groups = new TreeSet<>();
        for (String bean : context.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = context.findAnnotationOnBean(bean, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }

    /** Not UP while any group has dead letters (still HTTP 200: the instance serves, events wait). */
    @Bean
    public HealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
        return () -> {
            var states = deadLetters.states();
            if (states.isEmpty()) {
                return Health.up().build();
            }
            var health = Health.status(DEGRADED);
            states.forEach((group, state) -> health.withDetail(group,
                    Map.of("deadLetters", state.count(), "lastError", String.valueOf(state.lastError()))));
            return health.build();
        };
    }

    /**
     * {@code gatehouse_dead_letters{group=...}}: the dead letters of each processing group (0 when none). One
     * query per scrape feeds every group's gauge.
     */
    @Bean
    public Object deadLetterGauges(MeterRegistry registry, DeadLetters deadLetters, ApplicationContext context) {
        var counts = new DeadLetterCounts(deadLetters);
        for (String group : processingGroups(context)) {
            Gauge.builder("gatehouse.dead.letters", counts, c -> c.count(group))
                    .description("Events the processing group could not handle, parked as dead letters")
                    .tag("group", group)
                    .register(registry);
        }
        return counts;
    }

    /** The counts of one scrape: refreshed at most once a second. */
    static final class DeadLetterCounts {
        private final DeadLetters deadLetters;
        private volatile Map<String, DeadLetters.GroupState> states = new ConcurrentHashMap<>();
        private volatile long readAt;

        DeadLetterCounts(DeadLetters deadLetters) {
            this.deadLetters = deadLetters;
        }

        double count(String group) {
            long now = System.currentTimeMillis();
            if (now - readAt > 1_000) {
                states = deadLetters.states();
                readAt = now;
            }
            var state = states.get(group);
            return state == null ? 0 : state.count();
        }
    }
}
