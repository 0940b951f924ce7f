package com.gatehouse.projection.report;

import com.gatehouse.api.entry.EntryEvent.EntryAdmitted;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestApproved;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestExpired;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRejected;
import com.gatehouse.api.entry.EntryRequestStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Entry requests and admitted visitors for the gate reports (requests per day by type and status,
 * time to decide, peak hours, deliveries by company and how many were let in by a rule). Idempotent: insert-if-absent, and a request's outcome is written once.
 */
@Component
@ProcessingGroup(EntryReportProjection.GROUP)
public class EntryReportProjection {

    public static final String GROUP = "report-entries";

    private final JdbcTemplate jdbc;

    public EntryReportProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EntryRequestRaised event) {
        jdbc.update("""
                        insert into report_entry_request (request_id, society_id, type, status, raised_at)
                        values (?, ?, ?, 'PENDING', ?) on conflict do nothing""",
                event.requestId().value(), event.societyId().value(), event.type().name(),
                Timestamp.from(event.raisedAt()));
    }

    @EventHandler
    void on(EntryRequestApproved event) {
        decided(event.requestId().value(), EntryRequestStatus.APPROVED, event.approvedAt());
    }

    @EventHandler
    void on(EntryRequestRejected event) {
        decided(event.requestId().value(), EntryRequestStatus.REJECTED, event.rejectedAt());
    }

    /** Nobody decided: no time to decide is recorded. */
    @EventHandler
    void on(EntryRequestExpired event) {
        decided(event.requestId().value(), EntryRequestStatus.EXPIRED, null);
    }

    @EventHandler
    void on(EntryAdmitted event) {
        jdbc.update("""
                        insert into report_entry (entry_id, society_id, type, entered_at, provider, auto_approved)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.entryId().value(), event.societyId().value(), event.type().name(), Timestamp.from(event.enteredAt()),
                event.providerTag() == null ? null : event.providerTag().name(), event.autoApproved());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate report_entry_request, report_entry");
    }

    private void decided(UUID request, EntryRequestStatus status, Instant at) {
        jdbc.update("update report_entry_request set status = ?, decided_at = ? where request_id = ? and status = 'PENDING'",
                status.name(), at == null ? null : Timestamp.from(at), request);
    }
}
