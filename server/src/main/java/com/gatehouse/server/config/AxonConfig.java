package com.gatehouse.server.config;

import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.projection.audit.AuditIndexProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

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
     * How every processing group runs, chosen by the event store. On PostgreSQL (JDBC) a pooled streaming
     * processor cannot be woken by new events (the JDBC stream has no availability callback), so it polls
     * every 500 ms; a tracking processor blocks on the embedded event store, which wakes it at every local
     * commit: tracking processors, one thread each, batches of up to 500 events per transaction (a batch
     * takes what is available, so live events still go one by one; replays go in large batches). With Axon
     * Server the stream does call back, and pooled streaming processors are used. Groups may refine this
     * (segments, sequencing) next to their handlers.
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
                                .initialSegmentCount(2))
                        // the audit index keeps one segment, so live audit followers see the global order
                        .registerPooledStreamingEventProcessorConfiguration(AuditIndexProjection.GROUP,
                                (config, builder) -> builder.initialSegmentCount(1));
            } else {
                processing.usingTrackingEventProcessors()
                        .registerTrackingEventProcessorConfiguration(config ->
                                TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(500));
            }
        };
    }
}
