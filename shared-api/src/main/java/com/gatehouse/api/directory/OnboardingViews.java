package com.gatehouse.api.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Onboarding requests as the read model shows them. */
public final class OnboardingViews {

    private OnboardingViews() {
    }

    /** A document of a request; {@code viewUrl} is filled in only where the caller may view it (review detail). */
    public record RequestDocument(UUID documentId, DocumentType documentType) {
    }

    public record OnboardingRequestView(UUID id, UUID userId, String applicantName, String applicantPhone,
                                        UUID societyId, String block, UUID flatId, String flatNumber,
                                        ResidentType residentType, OnboardingStatus status,
                                        List<RequestDocument> documents, String rejectionReason,
                                        String resubmitReason, List<DocumentType> documentsToResubmit,
                                        int resubmissionCount, Instant submittedAt, UUID reviewedBy,
                                        Instant reviewedAt, Instant updatedAt, long version) {
    }

    /** One step of a request's history: who did what, from which status to which. */
    public record HistoryEntry(String action, UUID performedBy, String performedByName, String performedByRole,
                               OnboardingStatus previousStatus, OnboardingStatus newStatus, String notes,
                               List<DocumentType> documentTypes, Instant at) {
    }
}
