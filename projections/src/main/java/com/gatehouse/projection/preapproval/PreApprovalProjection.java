package com.gatehouse.projection.preapproval;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalCancelled;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalCreated;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalExpired;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalUsed;
import com.gatehouse.api.preapproval.PreApprovalStatus;
import com.gatehouse.api.preapproval.PreApprovalViews.PreApprovalView;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.projection.gatepass.GatePassProjection;
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
 * Builds the pre-approval table and feeds the pre-approval's own subscribers. Idempotent: each row keeps the sequence number it reflects, and an event
 * at or below it changes nothing.
 */
@Component
@ProcessingGroup(PreApprovalProjection.GROUP)
public class PreApprovalProjection {

    public static final String GROUP = "pre-approvals";

    private final JdbcTemplate jdbc;
    private final PreApprovalReadModel readModel;

    private final LiveFeeds live;

    public PreApprovalProjection(JdbcTemplate jdbc, PreApprovalReadModel readModel,
                                 LiveFeeds live) {
        this.live = live;
        this.jdbc = jdbc;
        this.readModel = readModel;
    }

    @EventHandler
    void on(PreApprovalCreated event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into pre_approval (id, society_id, flat_id, created_by_id, visitor_name, visitor_phone,
                            visitor_type, purpose, vehicle_number, valid_from, valid_until, max_uses, used_count, status,
                            code, created_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'ACTIVE', ?, ?, ?) on conflict do nothing""",
                event.preApprovalId().value(), event.societyId().value(), event.flatId().value(),
                event.createdBy().value(), event.visitorName(), event.visitorPhone(), event.visitorType().name(),
                event.purpose(), event.vehicleNumber(), ts(event.validFrom()), ts(event.validUntil()),
                event.maxUses(), event.code(), ts(event.createdAt()), version);
        emit(event.preApprovalId().value());
    }

    @EventHandler
    void on(PreApprovalUsed event, @SequenceNumber long version) {
        boolean usedUp = event.usedCount() >= event.maxUses();
        jdbc.update("""
                        update pre_approval set used_count = ?, last_used_at = ?, status = ?, ended_at = ?, version = ?
                        where id = ? and version < ?""",
                event.usedCount(), ts(event.usedAt()), usedUp ? "USED" : "ACTIVE", usedUp ? ts(event.usedAt()) : null,
                version, event.preApprovalId().value(), version);
        emit(event.preApprovalId().value());
    }

    @EventHandler
    void on(PreApprovalCancelled event, @SequenceNumber long version) {
        ended(event.preApprovalId().value(), PreApprovalStatus.CANCELLED, event.cancelledAt(), version);
    }

    @EventHandler
    void on(PreApprovalExpired event, @SequenceNumber long version) {
        ended(event.preApprovalId().value(), PreApprovalStatus.EXPIRED, event.expiredAt(), version);
    }

    /** An erased visitor's pre-approval keeps its uses and times without their name, phone, purpose, vehicle. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.VISITOR && jdbc.update("""
                update pre_approval set visitor_name = null, visitor_phone = null, purpose = null,
                    vehicle_number = null, erased = true
                where id = ?""", event.subject().id()) > 0) {
            emit(event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate pre_approval");
    }

    private void ended(UUID id, PreApprovalStatus status, Instant at, long version) {
        jdbc.update("update pre_approval set status = ?, ended_at = ?, version = ? where id = ? and version < ?",
                status.name(), ts(at), version, id, version);
        emit(id);
    }

    private void emit(UUID id) {
        readModel.find(id).ifPresent((PreApprovalView view) -> {
            live.publish(GatePassProjection.EXPECTED, ExpectedAtGate.of(view), LiveFeed.society(view.societyId()));
        });
    }
}
