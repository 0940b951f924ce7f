package com.gatehouse.server.config;

import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.projection.audit.AuditIndexProjection;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Axon on PostgreSQL: snake_case tables owned by Flyway (server/V1_0), event processors suited to the store,
 * metadata that every event inherits (actor, role, society, correlation and causation).
 */
@Configuration
public class AxonConfig {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Axon's trace/correlation pair, under the names the audit log shows. */
    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider(MetaDataKeys.CAUSATION_ID, MetaDataKeys.CORRELATION_ID);
    }

    /** Who acted, copied from the command (or deadline) to every event it causes. */
    @Bean
    public CorrelationDataProvider actor() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR_ID, MetaDataKeys.ACTOR_ROLE, MetaDataKeys.SOCIETY_ID);
    }

    /**
     * Processor tokens in PostgreSQL, claimed by whichever instances run. Each instance claims under its own node
     * id (two servers in one JVM, or two containers that both run as PID 1, never share one), and a claim not
     * extended for {@code axon.eventhandling.tokenstore.claim-timeout} (PT5S) is free for another instance: a
     * killed instance's segments move within seconds. Running processors extend their claims about every second.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:PT5S}") Duration claimTimeout) {
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).schema(schema)
                .claimTimeout(claimTimeout).nodeId(nodeId()).build();
    }

    /** This instance's name in the token store's {@code owner} column: process, host, and a random suffix. */
    private static String nodeId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** How often an instance looks for unclaimed segments (a dead instance's), in milliseconds. */
    static final long TOKEN_CLAIM_INTERVAL_MS = 2_000;
    /** Segments per processing group: events of one aggregate stay in order (per-aggregate sequencing). */
    static final int SEGMENTS = 2;

    /**
     * How every processing group runs, chosen by the event store. On PostgreSQL (JDBC) a pooled streaming
     * processor cannot be woken by new events (the JDBC stream has no availability callback), so it polls
     * every 500 ms; a tracking processor blocks on the embedded event store, which wakes it at every local
     * commit: tracking processors, batches of up to 500 events per transaction (a batch takes what is available,
     * so live events still go one by one; replays go in large batches). With Axon Server the stream does call
     * back, and pooled streaming processors are used. Every group has {@value #SEGMENTS} segments (one thread
     * each), so several instances share the work and one instance runs both when alone; events of one aggregate
     * stay in order (Axon's default per-aggregate sequencing). The audit index keeps one segment: live audit
     * followers see the global order. Groups may refine this (segments, sequencing) next to their handlers.
     */
    @Bean
    public ConfigurerModule eventProcessors(@Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        return configurer -> {
            // a failing handler's error propagates, never logged and skipped (a skipped event would leave a read
            // model wrong for good, or lose a notification or a clean-up): the group's dead-letter queue parks
            // the event with the later events of its aggregate and retries it with back-off (DeadLetterConfig)
            var processing = configurer.eventProcessing()
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
            if (axonServer) {
                processing.usingPooledStreamingEventProcessors((config, builder) -> builder
                                .batchSize(100)
                                .initialSegmentCount(SEGMENTS)
                                .tokenClaimInterval(TOKEN_CLAIM_INTERVAL_MS)
                                // extend claims well within the claim timeout (Axon's default is every 5 s)
                                .claimExtensionThreshold(1_000))
                        .registerPooledStreamingEventProcessorConfiguration(AuditIndexProjection.GROUP,
                                (config, builder) -> builder.initialSegmentCount(1));
            } else {
                processing.usingTrackingEventProcessors()
                        .registerTrackingEventProcessorConfiguration(config ->
                                TrackingEventProcessorConfiguration.forParallelProcessing(SEGMENTS)
                                        .andInitialSegmentsCount(SEGMENTS)
                                        .andBatchSize(500)
                                        .andTokenClaimInterval(TOKEN_CLAIM_INTERVAL_MS, TimeUnit.MILLISECONDS))
                        .registerTrackingEventProcessorConfiguration(AuditIndexProjection.GROUP, config ->
                                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andBatchSize(500)
                                        .andTokenClaimInterval(TOKEN_CLAIM_INTERVAL_MS, TimeUnit.MILLISECONDS));
            }
        };
    }
}
