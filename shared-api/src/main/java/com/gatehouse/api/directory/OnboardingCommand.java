package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.upload.DocumentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * An applicant's request to live in a flat, decided by the {@code User} aggregate of the applicant (one
 * active request per user is then a rule of one aggregate). {@code requestId} names one request.
 */
public sealed interface OnboardingCommand {

    UserId userId();

    /** A confirmed ONBOARDING_DOCUMENT upload of the applicant, and what it proves. */
    record OnboardingDocument(DocumentId documentId, DocumentType documentType) {
    }

    /** {@code block} is the flat's block as checked before dispatch (the flat is in that block). */
    record SubmitOnboardingRequest(@TargetAggregateIdentifier UserId userId, UUID requestId, SocietyId societyId,
                                   String block, FlatId flatId, ResidentType residentType,
                                   List<OnboardingDocument> documents) implements OnboardingCommand {
        public SubmitOnboardingRequest {
            documents = List.copyOf(documents);
        }
    }

    record ApproveOnboardingRequest(@TargetAggregateIdentifier UserId userId, UUID requestId, UserId by, String notes)
            implements OnboardingCommand {
    }

    record RejectOnboardingRequest(@TargetAggregateIdentifier UserId userId, UUID requestId, UserId by, String reason)
            implements OnboardingCommand {
    }

    record RequestOnboardingResubmission(@TargetAggregateIdentifier UserId userId, UUID requestId, UserId by,
                                         String reason, List<DocumentType> documentsToResubmit)
            implements OnboardingCommand {
        public RequestOnboardingResubmission {
            documentsToResubmit = List.copyOf(documentsToResubmit);
        }
    }

    /** The applicant sends new documents after a request for resubmission; they replace those of the same type. */
    record ResubmitOnboardingDocuments(@TargetAggregateIdentifier UserId userId, UUID requestId,
                                       List<OnboardingDocument> documents) implements OnboardingCommand {
        public ResubmitOnboardingDocuments {
            documents = List.copyOf(documents);
        }
    }
}
