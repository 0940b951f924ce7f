package com.gatehouse.projection.notification;

import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.notification.NotificationEvent;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.api.notification.NotificationEvent.NotificationRead;
import com.gatehouse.api.notification.NotificationEvent.NotificationSent;
import com.gatehouse.api.notification.NotificationViews.NotificationChange;
import com.gatehouse.api.notification.NotificationViews.NotificationView;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Builds the notification read model. Runs in the processor's transaction (JDBC): a row and the token
 * that says it was written commit together. Idempotent: insert-if-absent and "mark read if unread",
 * and only a real change is emitted, so a re-delivered event changes and sends nothing.
 * <p>
 * One user's events are handled in order (sequencing policy by recipient), which is what lets each
 * change carry {@code change_seq}, strictly increasing per user, for the live stream's seam. Changes are
 * published to that user's live feed ({@link #CHANGES}, {@link LiveFeeds}: at commit, on every instance, never
 * while replaying: connected apps have those already).
 */
@Component
@ProcessingGroup(NotificationProjection.GROUP)
public class NotificationProjection {

    public static final String GROUP = "notifications";
    /** Every change of a notification (sent, read), with its feed position, keyed by {@link LiveFeed#user}. */
    public static final LiveFeed<NotificationChange> CHANGES = LiveFeed.of("notifications", NotificationChange.class);

    private final JdbcTemplate jdbc;
    private final LiveFeeds live;
    private final ObjectMapper json;
    private final NotificationSettings settings;
    private final Clock clock;
    private final RowMapper<NotificationChange> change;

    public NotificationProjection(JdbcTemplate jdbc, LiveFeeds live, ObjectMapper json,
                                  NotificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.change = (rs, i) -> {
            NotificationTable.Columns columns = new NotificationTable.Columns() {
                @Override
                public <T> T get(String column, Class<T> type) {
                    try {
                        // the PostgreSQL driver reads jsonb only as text, not as getObject(String)
                        return type == String.class ? type.cast(rs.getString(column)) : rs.getObject(column, type);
                    } catch (SQLException e) {
                        throw new IllegalStateException("Cannot read notification." + column, e);
                    }
                }
            };
            return new NotificationChange(NotificationTable.view(columns, json), NotificationTable.changeSeq(columns));
        };
    }

    /**
     * How this group runs: one user's notification events in order (the live stream's seam relies on it),
     * two segments in parallel (failures are retried, the house default, see AxonConfig).
     */
    @Bean
    public static ConfigurerModule notificationsInOrderPerUser() {
        SequencingPolicy<EventMessage<?>> byRecipient = event -> event.getPayload() instanceof NotificationEvent n
                ? n.recipient().value()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(GROUP,
                        config -> TrackingEventProcessorConfiguration.forParallelProcessing(2)
                                .andInitialSegmentsCount(2)
                                .andBatchSize(100)
                                // look for a dead instance's segments as often as every other group (AxonConfig)
                                .andTokenClaimInterval(2, java.util.concurrent.TimeUnit.SECONDS))
                .registerSequencingPolicy(GROUP, config -> byRecipient);
    }

    @EventHandler
    void on(NotificationSent event) {
        if (event.sentAt().isBefore(settings.cutoff(clock.instant()))) {
            return; // past retention: the retention job would remove it at once (happens on replays)
        }
        var content = event.content();
        if (content.about() != null && erasedMeanwhile(content.about().id())) {
            content = content.erased();
        }
        emit(jdbc.query("""
                        with s as (select nextval('notification_change_seq') as seq)
                        insert into notification (id, user_id, society_id, type, title, message, data, reference_id,
                                                  reference_type, is_read, read_at, created_at, sent_seq, change_seq,
                                                  about_id)
                        select ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, false, null, ?, s.seq, s.seq, ? from s
                        on conflict (id) do nothing
                        returning *""", change,
                event.notificationId().value(), event.recipient().value(),
                event.societyId() == null ? null : event.societyId().value(), content.type().name(), content.title(),
                content.message(), NotificationTable.json(content.data(), json), content.referenceId(),
                content.referenceType(), utc(event.sentAt()), content.about() == null ? null : content.about().id()));
    }

    /**
     * Notifications about an erased person keep their type, title and time; their text and data go.
     * <p>
     * Their notifications are sent by other aggregates, so another segment of this group may be writing one at the
     * same moment, opened before the erasure committed. The subject's advisory lock keeps the two apart without
     * either side waiting on the other: a writer takes it shared and never waits ({@link #erasedMeanwhile}), the
     * erasure takes it exclusively, so it waits until every writer holding it has committed, and then blanks what
     * they wrote. A writer that finds the erasure holding it writes the notification blank: the erasure is a fact
     * (its event is stored) that this group applies in any case. Neither order keeps a copy, and no two
     * transactions wait on each other in a cycle (a writer's batch holds many subjects' locks: were it to wait
     * too, an erasure of two of them could deadlock with it).
     */
    @EventHandler
    void on(PersonalDataErased event) {
        UUID subject = event.subject().id();
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> {
        }, lockKey(subject));
        jdbc.update("insert into notification_erased_subject (subject_id) values (?) on conflict do nothing", subject);
        jdbc.update("update notification set message = null, data = '{}'::jsonb where about_id = ?", subject);
    }

    /** Whether the subject is erased or being erased; else holds its lock shared until this transaction ends. */
    private boolean erasedMeanwhile(UUID subject) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock_shared(?)", Boolean.class,
                lockKey(subject)))) {
            return true;
        }
        // a statement of its own, so its snapshot is taken after the lock: it sees an erasure committed meanwhile
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from notification_erased_subject where subject_id = ?)", Boolean.class,
                subject));
    }

    /** The subject's advisory lock key (transaction-scoped: released at commit or rollback). */
    private static long lockKey(UUID subject) {
        return subject.getMostSignificantBits() ^ subject.getLeastSignificantBits();
    }

    @EventHandler
    void on(NotificationRead event) {
        emit(jdbc.query("""
                        update notification set is_read = true, read_at = ?,
                                                change_seq = nextval('notification_change_seq')
                        where id = ? and not is_read
                        returning *""", change, utc(event.readAt()), event.notificationId().value()));
    }

    /** The sequence goes on: a rebuilt model continues above the values connected streams have seen. */
    @ResetHandler
    void reset() {
        jdbc.update("truncate notification, notification_erased_subject");
    }

    private void emit(List<NotificationChange> changes) {
        for (NotificationChange applied : changes) {
            live.publish(CHANGES, applied, LiveFeed.user(applied.notification().userId()));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
