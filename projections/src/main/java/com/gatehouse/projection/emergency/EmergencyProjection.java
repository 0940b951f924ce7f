package com.gatehouse.projection.emergency;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyEscalated;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyMarkedFalseAlarm;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyRaised;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyResolved;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyResponded;
import com.gatehouse.api.emergency.EmergencyQuery.WatchEmergencies;
import com.gatehouse.api.emergency.EmergencyView;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

import static com.gatehouse.projection.common.Rows.ts;

/**
 * Builds the emergency read model and feeds the live view: every change is published (at commit, to every
 * instance) on the society's {@link #EMERGENCIES} feed; each {@code emergencies.stream} keeps what its caller
 * may see ({@link WatchEmergencies#shows}). JDBC in the processor's transaction; the insert is insert-if-absent and
 * updates are guarded by the aggregate sequence number, so a re-delivered event changes nothing.
 */
@Component
@ProcessingGroup(EmergencyProjection.GROUP)
public class EmergencyProjection {

    public static final String GROUP = "emergencies";

    /** Every change of an emergency, keyed by its society. */
    public static final LiveFeed<EmergencyView> EMERGENCIES = LiveFeed.of("emergencies", EmergencyView.class);

    private final JdbcTemplate jdbc;
    private final EmergencyReadModel readModel;
    private final LiveFeeds live;

    public EmergencyProjection(JdbcTemplate jdbc, EmergencyReadModel readModel, LiveFeeds live) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.live = live;
    }

    @EventHandler
    void on(EmergencyRaised event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into emergency (id, society_id, type, status, description, location, reported_by_id,
                            reporter_name, flat_id, block, flat_number, created_at, updated_at, version)
                        values (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.emergencyId().value(), event.societyId().value(), event.type().name(), event.description(),
                event.location(), event.reportedBy().value(), event.reporterName(),
                event.flatId() == null ? null : event.flatId().value(), event.block(), event.flatNumber(),
                ts(event.raisedAt()), ts(event.raisedAt()), version);
        emit(event.emergencyId().value());
    }

    @EventHandler
    void on(EmergencyResponded event, @SequenceNumber long version) {
        jdbc.update("""
                        update emergency set responded_by_id = ?, responder_name = ?, responded_at = ?, updated_at = ?,
                            version = ? where id = ? and version < ?""",
                event.by().value(), event.responderName(), ts(event.respondedAt()), ts(event.respondedAt()), version,
                event.emergencyId().value(), version);
        emit(event.emergencyId().value());
    }

    @EventHandler
    void on(EmergencyEscalated event, @SequenceNumber long version) {
        jdbc.update("""
                        update emergency set escalation_count = ?, escalated_at = ?, updated_at = ?, version = ?
                        where id = ? and version < ?""",
                event.escalation(), ts(event.escalatedAt()), ts(event.escalatedAt()), version,
                event.emergencyId().value(), version);
        emit(event.emergencyId().value());
    }

    @EventHandler
    void on(EmergencyResolved event, @SequenceNumber long version) {
        close("RESOLVED", event.by().value(), event.notes(), event.resolvedAt(), event.emergencyId().value(), version);
    }

    @EventHandler
    void on(EmergencyMarkedFalseAlarm event, @SequenceNumber long version) {
        close("FALSE_ALARM", event.by().value(), event.notes(), event.resolvedAt(), event.emergencyId().value(),
                version);
    }

    private void close(String status, UUID by, String notes, java.time.Instant at, UUID id, long version) {
        jdbc.update("""
                        update emergency set status = ?, resolved_by_id = ?, resolved_at = ?, notes = ?, updated_at = ?,
                            version = ? where id = ? and version < ?""",
                status, by, ts(at), notes, ts(at), version, id, version);
        emit(id);
    }

    /**
     * An erased user's emergencies keep their type, flat, status and times: what they reported (name, description,
     * location) goes, as do their name as responder and their notes as resolver.
     */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() != DataSubject.Kind.USER) {
            return;
        }
        UUID user = event.subject().id();
        var changed = new java.util.LinkedHashSet<UUID>();
        changed.addAll(jdbc.queryForList("""
                update emergency set reporter_name = null, description = null, location = null
                where reported_by_id = ? returning id""", UUID.class, user));
        changed.addAll(jdbc.queryForList("update emergency set responder_name = null where responded_by_id = ? returning id",
                UUID.class, user));
        changed.addAll(jdbc.queryForList("update emergency set notes = null where resolved_by_id = ? returning id",
                UUID.class, user));
        changed.forEach(this::emit);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate emergency");
    }

    private void emit(UUID id) {
        readModel.find(id).ifPresent(view -> live.publish(EMERGENCIES, view, LiveFeed.society(view.societyId())));
    }
}
