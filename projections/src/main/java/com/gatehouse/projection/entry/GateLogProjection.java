package com.gatehouse.projection.entry;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.upload.UploadEvent.DocumentDeleted;
import com.gatehouse.api.upload.UploadEvent.DocumentExpired;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.api.entry.EntryEvent.EntryAdmitted;
import com.gatehouse.api.entry.EntryEvent.EntryCheckedOut;
import com.gatehouse.api.entry.EntryEvent.EntryOverstayed;
import com.gatehouse.api.entry.EntryViews.EntryView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

import static com.gatehouse.projection.common.Rows.ts;

/**
 * Builds the gate log and feeds its live views (the entry's own subscribers, the society's and the flat's
 * feeds). Idempotent like {@link EntryRequestProjection}.
 */
@Component
@ProcessingGroup(GateLogProjection.GROUP)
public class GateLogProjection {

    public static final String GROUP = "gate-log";
    /** Every change of a gate-log entry, keyed by {@link LiveFeed#society} and {@link LiveFeed#flat}. */
    public static final LiveFeed<EntryView> ENTRIES = LiveFeed.of("gate-log", EntryView.class);

    private final JdbcTemplate jdbc;
    private final GateLogReadModel readModel;
    private final LiveFeeds live;

    public GateLogProjection(JdbcTemplate jdbc, GateLogReadModel readModel, LiveFeeds live) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.live = live;
    }

    @EventHandler
    void on(EntryAdmitted event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into gate_entry (id, entry_request_id, society_id, flat_id, type, visitor_name,
                            visitor_phone, provider_tag, photo_key, guard_id, approved_by_id, entered_at, version,
                            pre_approval_id, auto_approval_reason, vehicle_number, package_count)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.entryId().value(), event.requestId() == null ? null : event.requestId().value(),
                event.societyId().value(), event.flatId().value(),
                event.type().name(), event.visitorName(), event.visitorPhone(),
                event.providerTag() == null ? null : event.providerTag().name(), event.photoKey(),
                event.guardId().value(), event.approvedBy() == null ? null : event.approvedBy().value(),
                ts(event.enteredAt()), version, event.preApprovalId(), event.autoApprovalReason(),
                event.vehicleNumber(), event.packageCount());
        emit(event.entryId().value());
    }

    @EventHandler
    void on(EntryCheckedOut event, @SequenceNumber long version) {
        jdbc.update("""
                        update gate_entry set exited_at = ?, checked_out_by_id = ?, version = ?
                        where id = ? and version < ?""",
                ts(event.exitedAt()), event.checkedOutBy().value(), version, event.entryId().value(), version);
        emit(event.entryId().value());
    }

    @EventHandler
    void on(EntryOverstayed event, @SequenceNumber long version) {
        jdbc.update("update gate_entry set overstay_alerted_at = ?, version = ? where id = ? and version < ?",
                ts(event.alertedAt()), version, event.entryId().value(), version);
        emit(event.entryId().value());
    }

    /** An erased visit keeps its gate-log entry (in, out, who let in) without the visitor's data. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() != DataSubject.Kind.VISITOR) {
            return;
        }
        var entries = jdbc.queryForList("""
                update gate_entry set visitor_name = null, visitor_phone = null, photo_key = null, vehicle_number = null,
                    erased = true
                where entry_request_id = ? or pre_approval_id = ? returning id""", UUID.class, event.subject().id(),
                event.subject().id());
        entries.forEach(this::emit);
    }

    /**
     * The photo left the object store (its retention ran out, or someone deleted the document): the gate_entry no longer
     * shows its key, only when it went. Matched by the object key, which the document's events carry.
     */
    @EventHandler
    void on(DocumentExpired event) {
        photoGone(event.s3Key(), event.expiredAt());
    }

    @EventHandler
    void on(DocumentDeleted event) {
        photoGone(event.s3Key(), event.deletedAt());
    }

    private void photoGone(String s3Key, java.time.Instant at) {
        jdbc.queryForList("update gate_entry set photo_key = null, photo_deleted_at = ? where photo_key = ? returning id",
                UUID.class, ts(at), s3Key).forEach(this::emit);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate gate_entry");
    }

    /** Sends the entry as it is now to the live feeds of its society and its flat. */
    private void emit(UUID id) {
        readModel.find(id).ifPresent(view -> live.publish(ENTRIES, view,
                LiveFeed.society(view.societyId()), LiveFeed.flat(view.flatId())));
    }
}
