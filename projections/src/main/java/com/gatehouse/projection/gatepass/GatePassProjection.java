package com.gatehouse.projection.gatepass;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassApproved;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassCancelled;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassExpired;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassRejected;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassRequested;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassUsed;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.api.gatepass.ExpectedAtGate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.ts;

/**
 * Builds the gate-pass table and feeds each pass's own subscribers. Idempotent: each row keeps the sequence
 * number it reflects, and an event at or below it changes nothing.
 */
@Component
@ProcessingGroup(GatePassProjection.GROUP)
public class GatePassProjection {

    public static final String GROUP = "gate-passes";

    private final JdbcTemplate jdbc;
    private final GatePassReadModel readModel;

    /** What the gate expects today (gate passes and pre-approvals), keyed by {@link LiveFeed#society}. */
    public static final LiveFeed<ExpectedAtGate> EXPECTED = LiveFeed.of("gate-expected", ExpectedAtGate.class);

    private final LiveFeeds live;

    public GatePassProjection(JdbcTemplate jdbc, GatePassReadModel readModel,
                              LiveFeeds live) {
        this.live = live;
        this.jdbc = jdbc;
        this.readModel = readModel;
    }

    @EventHandler
    void on(GatePassRequested event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into gate_pass (id, society_id, flat_id, requested_by_id, type, status, title, description,
                            valid_from, valid_until, vehicle_number, driver_name, driver_phone, items, worker_name,
                            worker_phone, company_name, attachments, created_at, version)
                        values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)
                        on conflict do nothing""",
                event.gatePassId().value(), event.societyId().value(), event.flatId().value(),
                event.requestedBy().value(), event.type().name(), event.title(), event.description(),
                ts(event.validFrom()), ts(event.validUntil()), event.vehicleNumber(), event.driverName(),
                event.driverPhone(), GatePassReadModel.json(event.items()), event.workerName(), event.workerPhone(),
                event.companyName(), GatePassReadModel.json(event.attachments()), ts(event.requestedAt()), version);
        emit(event.gatePassId().value());
    }

    @EventHandler
    void on(GatePassApproved event, @SequenceNumber long version) {
        jdbc.update("""
                        update gate_pass set status = 'APPROVED', approved_by_id = ?, approved_at = ?, version = ?
                        where id = ? and version < ?""",
                event.approvedBy().value(), ts(event.approvedAt()), version, event.gatePassId().value(), version);
        emit(event.gatePassId().value());
    }

    @EventHandler
    void on(GatePassRejected event, @SequenceNumber long version) {
        jdbc.update("""
                        update gate_pass set status = 'REJECTED', approved_by_id = ?, rejection_reason = ?, ended_at = ?,
                            version = ? where id = ? and version < ?""",
                event.rejectedBy().value(), event.reason(), ts(event.rejectedAt()), version,
                event.gatePassId().value(), version);
        emit(event.gatePassId().value());
    }

    @EventHandler
    void on(GatePassUsed event, @SequenceNumber long version) {
        jdbc.update("""
                        update gate_pass set status = 'USED', used_at = ?, used_by_guard_id = ?, ended_at = ?, version = ?
                        where id = ? and version < ?""",
                ts(event.usedAt()), event.guardId().value(), ts(event.usedAt()), version, event.gatePassId().value(),
                version);
        emit(event.gatePassId().value());
    }

    @EventHandler
    void on(GatePassCancelled event, @SequenceNumber long version) {
        ended(event.gatePassId().value(), "CANCELLED", event.cancelledAt(), version);
    }

    @EventHandler
    void on(GatePassExpired event, @SequenceNumber long version) {
        ended(event.gatePassId().value(), "EXPIRED", event.expiredAt(), version);
    }

    /** An erased pass keeps its status and times without the vehicle, driver and worker. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.VISITOR && jdbc.update("""
                update gate_pass set vehicle_number = null, driver_name = null, driver_phone = null,
                    worker_name = null, worker_phone = null, erased = true
                where id = ?""", event.subject().id()) > 0) {
            emit(event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate gate_pass");
    }

    private void ended(UUID id, String status, Instant at, long version) {
        jdbc.update("update gate_pass set status = ?, ended_at = ?, version = ? where id = ? and version < ?",
                status, ts(at), version, id, version);
        emit(id);
    }

    private void emit(UUID id) {
        readModel.find(id).ifPresent(view -> {
            live.publish(EXPECTED, ExpectedAtGate.of(view), LiveFeed.society(view.societyId()));
        });
    }
}
