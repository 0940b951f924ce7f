package com.gatehouse.projection.directory;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.directory.DocumentType;
import com.gatehouse.api.directory.OnboardingCommand.OnboardingDocument;
import com.gatehouse.api.directory.OnboardingEvent;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingDocumentsResubmitted;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestApproved;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestRejected;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestSubmitted;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingResubmissionRequested;
import com.gatehouse.api.directory.OnboardingStatus;
import com.gatehouse.api.directory.OnboardingViews.RequestDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.ts;

/**
 * Onboarding requests and their history (the review's audit trail). Rows carry the applicant aggregate's
 * sequence number: a re-delivered event changes nothing, and a history row is keyed by it.
 */
@Component
@ProcessingGroup(OnboardingProjection.GROUP)
public class OnboardingProjection {

    public static final String GROUP = "onboarding";

    private final JdbcTemplate jdbc;
    private final OnboardingReadModel readModel;
    private final ObjectMapper json;

    public OnboardingProjection(JdbcTemplate jdbc, OnboardingReadModel readModel, ObjectMapper json) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.json = json;
    }

    @EventHandler
    void on(OnboardingRequestSubmitted event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into onboarding_request (id, user_id, society_id, block, flat_id, resident_type, status,
                            documents, submitted_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) on conflict do nothing""",
                event.requestId(), event.userId().value(), event.societyId().value(), event.block(),
                event.flatId().value(), event.residentType().name(), OnboardingStatus.PENDING_APPROVAL.name(),
                write(documents(event.documents())), ts(event.submittedAt()), ts(event.submittedAt()), version);
        history(event, version, "SUBMITTED_FOR_REVIEW", event.userId().value(), null,
                OnboardingStatus.PENDING_APPROVAL, null, null, event.submittedAt());
    }

    @EventHandler
    void on(OnboardingRequestApproved event, @SequenceNumber long version) {
        var before = status(event);
        jdbc.update("""
                        update onboarding_request set status = 'APPROVED', reviewed_by = ?, reviewed_at = ?, updated_at = ?,
                            version = ? where id = ? and version < ?""",
                event.by().value(), ts(event.approvedAt()), ts(event.approvedAt()), version, event.requestId(), version);
        history(event, version, "APPROVED", event.by().value(), before, OnboardingStatus.APPROVED, event.notes(), null,
                event.approvedAt());
    }

    @EventHandler
    void on(OnboardingRequestRejected event, @SequenceNumber long version) {
        var before = status(event);
        jdbc.update("""
                        update onboarding_request set status = 'REJECTED', rejection_reason = ?, reviewed_by = ?,
                            reviewed_at = ?, updated_at = ?, version = ? where id = ? and version < ?""",
                event.reason(), event.by().value(), ts(event.rejectedAt()), ts(event.rejectedAt()), version,
                event.requestId(), version);
        history(event, version, "REJECTED", event.by().value(), before, OnboardingStatus.REJECTED, event.reason(),
                null, event.rejectedAt());
    }

    @EventHandler
    void on(OnboardingResubmissionRequested event, @SequenceNumber long version) {
        var before = status(event);
        jdbc.update("""
                        update onboarding_request set status = 'RESUBMIT_REQUESTED', resubmit_reason = ?,
                            documents_to_resubmit = ?::jsonb, resubmission_count = resubmission_count + 1,
                            reviewed_by = ?, reviewed_at = ?, updated_at = ?, version = ? where id = ? and version < ?""",
                event.reason(), write(event.documentsToResubmit()), event.by().value(), ts(event.requestedAt()),
                ts(event.requestedAt()), version, event.requestId(), version);
        history(event, version, "RESUBMIT_REQUESTED", event.by().value(), before,
                OnboardingStatus.RESUBMIT_REQUESTED, event.reason(), event.documentsToResubmit(), event.requestedAt());
    }

    @EventHandler
    void on(OnboardingDocumentsResubmitted event, @SequenceNumber long version) {
        var before = status(event);
        var request = readModel.request(event.requestId());
        if (request.isEmpty() || request.get().version() >= version) {
            return;
        }
        Map<DocumentType, RequestDocument> merged = new LinkedHashMap<>();
        request.get().documents().forEach(d -> merged.put(d.documentType(), d));
        documents(event.documents()).forEach(d -> merged.put(d.documentType(), d));
        jdbc.update("""
                        update onboarding_request set status = 'PENDING_APPROVAL', documents = ?::jsonb,
                            documents_to_resubmit = null, updated_at = ?, version = ? where id = ? and version < ?""",
                write(List.copyOf(merged.values())), ts(event.resubmittedAt()), version, event.requestId(), version);
        history(event, version, "DOCUMENTS_RESUBMITTED", event.userId().value(), before,
                OnboardingStatus.PENDING_APPROVAL, null,
                event.documents().stream().map(OnboardingDocument::documentType).toList(), event.resubmittedAt());
    }

    /** An erased applicant's requests keep their status and history without the reviewers' notes and reasons. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() != DataSubject.Kind.USER) {
            return;
        }
        jdbc.update("update onboarding_request set rejection_reason = null, resubmit_reason = null where user_id = ?",
                event.subject().id());
        jdbc.update("""
                update onboarding_history set notes = null
                where request_id in (select id from onboarding_request where user_id = ?)""", event.subject().id());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate onboarding_request, onboarding_history");
    }

    private OnboardingStatus status(OnboardingEvent event) {
        return readModel.request(event.requestId()).map(r -> r.status()).orElse(null);
    }

    private void history(OnboardingEvent event, long version, String action, UUID by, OnboardingStatus before,
                         OnboardingStatus after, String notes, List<DocumentType> types, java.time.Instant at) {
        jdbc.update("""
                        insert into onboarding_history (request_id, version, action, performed_by, previous_status,
                            new_status, notes, metadata, at) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing""",
                event.requestId(), version, action, by, before == null ? null : before.name(), after.name(), notes,
                types == null ? null : write(types), ts(at));
    }

    private static List<RequestDocument> documents(List<OnboardingDocument> documents) {
        return documents.stream().map(d -> new RequestDocument(d.documentId().value(), d.documentType())).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
