package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.OnboardingCommand.OnboardingDocument;

import com.gatehouse.api.common.PersonalData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.gatehouse.api.common.DataSubject.Kind.USER;

/** What happened to an onboarding request (events of the applicant's {@code User} aggregate). */
public sealed interface OnboardingEvent {

    UserId userId();

    UUID requestId();

    SocietyId societyId();

    record OnboardingRequestSubmitted(UserId userId, UUID requestId, SocietyId societyId, String block, FlatId flatId,
                                      ResidentType residentType, List<OnboardingDocument> documents,
                                      Instant submittedAt) implements OnboardingEvent {
    }

    /**
     * Approved: the applicant is from now on an active RESIDENT of the flat ({@code primary}: the flat's first
     * resident, who may invite family).
     */
    record OnboardingRequestApproved(UserId userId, UUID requestId, SocietyId societyId, FlatId flatId,
                                     ResidentType residentType, boolean primary, UserId by,
                                     @PersonalData(subject = USER, idFrom = "userId") String notes,
                                     Instant approvedAt) implements OnboardingEvent {
    }

    record OnboardingRequestRejected(UserId userId, UUID requestId, SocietyId societyId, UserId by,
                                     @PersonalData(subject = USER, idFrom = "userId") String reason, Instant rejectedAt) implements OnboardingEvent {
    }

    record OnboardingResubmissionRequested(UserId userId, UUID requestId, SocietyId societyId, UserId by,
                                           @PersonalData(subject = USER, idFrom = "userId") String reason, List<DocumentType> documentsToResubmit,
                                           Instant requestedAt) implements OnboardingEvent {
    }

    record OnboardingDocumentsResubmitted(UserId userId, UUID requestId, SocietyId societyId,
                                          List<OnboardingDocument> documents, Instant resubmittedAt)
            implements OnboardingEvent {
    }
}
