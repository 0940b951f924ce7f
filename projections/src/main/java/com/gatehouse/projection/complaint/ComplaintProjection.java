package com.gatehouse.projection.complaint;

import static com.gatehouse.projection.common.Rows.ts;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintAssigned;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintFiled;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintReopened;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintResolved;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintStatusChanged;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintWithdrawn;
import com.gatehouse.api.complaint.ComplaintStatus;
import com.gatehouse.api.upload.DocumentId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the complaint read model, in the processor's transaction (JDBC). Every change is guarded by the
 * aggregate sequence number, so a re-delivered event changes nothing. Emits the complaint to "find complaint"
 * subscribers (REST calls waiting for their change).
 */
@Component
@ProcessingGroup(ComplaintProjection.GROUP)
public class ComplaintProjection {

    public static final String GROUP = "complaints";

    private final JdbcTemplate jdbc;

    public ComplaintProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComplaintFiled event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into complaint (id, society_id, flat_id, reporter_id, anonymous, category, priority,
                            priority_rank, status, title, description, images, location, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as uuid[]), ?, ?, ?, ?) on conflict do nothing""",
                event.complaintId().value(), event.societyId().value(),
                event.flatId() == null ? null : event.flatId().value(), event.reporterId().value(), event.anonymous(),
                event.category().name(), event.priority().name(), event.priority().ordinal(),
                ComplaintStatus.OPEN.name(), event.title(), event.description(),
                event.images().stream().map(DocumentId::toString).toArray(String[]::new), event.location(),
                ts(event.filedAt()), ts(event.filedAt()), version);
    }

    @EventHandler
    void on(ComplaintAssigned event, @SequenceNumber long version) {
        jdbc.update("""
                        update complaint set assigned_to_id = ?, assigned_at = ?, status = ?, updated_at = ?, version = ?
                        where id = ? and version < ?""",
                event.assigneeId().value(), ts(event.assignedAt()), event.status().name(), ts(event.assignedAt()),
                version, event.complaintId().value(), version);
    }

    @EventHandler
    void on(ComplaintStatusChanged event, @SequenceNumber long version) {
        jdbc.update("""
                        update complaint set status = ?, rejection_reason = coalesce(?, rejection_reason), updated_at = ?,
                            version = ? where id = ? and version < ?""",
                event.status().name(), event.reason(), ts(event.changedAt()), version, event.complaintId().value(),
                version);
    }

    @EventHandler
    void on(ComplaintResolved event, @SequenceNumber long version) {
        jdbc.update("""
                        update complaint set status = ?, resolution = ?, resolved_by_id = ?, resolved_at = ?,
                            first_resolved_at = coalesce(first_resolved_at, ?), updated_at = ?, version = ?
                        where id = ? and version < ?""",
                ComplaintStatus.RESOLVED.name(), event.resolution(), event.by().value(), ts(event.resolvedAt()),
                ts(event.resolvedAt()), ts(event.resolvedAt()), version, event.complaintId().value(), version);
    }

    @EventHandler
    void on(ComplaintReopened event, @SequenceNumber long version) {
        jdbc.update("""
                        update complaint set status = ?, resolution = null, resolved_by_id = null, resolved_at = null,
                            reopen_count = reopen_count + 1, updated_at = ?, version = ? where id = ? and version < ?""",
                ComplaintStatus.OPEN.name(), ts(event.reopenedAt()), version, event.complaintId().value(), version);
    }

    @EventHandler
    void on(ComplaintWithdrawn event, @SequenceNumber long version) {
        jdbc.update("update complaint set status = ?, updated_at = ?, version = ? where id = ? and version < ?",
                ComplaintStatus.WITHDRAWN.name(), ts(event.withdrawnAt()), version, event.complaintId().value(),
                version);
    }

    /** An erased reporter's complaints keep category, status and times (reports stay right), not their text. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.USER) {
            jdbc.update("""
                    update complaint set title = null, description = null, location = null, erased = true
                    where reporter_id = ?""", event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate complaint");
    }
}
