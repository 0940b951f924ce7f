package com.gatehouse.command.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DocumentType;
import com.gatehouse.api.directory.FamilyRole;
import com.gatehouse.api.directory.OnboardingCommand.ApproveOnboardingRequest;
import com.gatehouse.api.directory.OnboardingCommand.OnboardingDocument;
import com.gatehouse.api.directory.OnboardingCommand.RejectOnboardingRequest;
import com.gatehouse.api.directory.OnboardingCommand.RequestOnboardingResubmission;
import com.gatehouse.api.directory.OnboardingCommand.ResubmitOnboardingDocuments;
import com.gatehouse.api.directory.OnboardingCommand.SubmitOnboardingRequest;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingDocumentsResubmitted;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestApproved;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestRejected;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestSubmitted;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingResubmissionRequested;
import com.gatehouse.api.directory.ResidentType;
import com.gatehouse.api.directory.UserCommand.ActivateInvitedMember;
import com.gatehouse.api.directory.UserCommand.InviteFamilyMember;
import com.gatehouse.api.directory.UserCommand.RemoveFamilyMember;
import com.gatehouse.api.directory.UserCommand.SignUpByPhone;
import com.gatehouse.api.directory.UserEvent.FamilyMemberInvited;
import com.gatehouse.api.directory.UserEvent.FamilyMemberRemoved;
import com.gatehouse.api.directory.UserEvent.InvitedMemberActivated;
import com.gatehouse.api.directory.UserEvent.PrimaryResidentAssigned;
import com.gatehouse.api.directory.UserEvent.UserRegistered;
import com.gatehouse.api.directory.UserEvent.UserSignedUp;
import com.gatehouse.api.upload.DocumentId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The onboarding and family rules of the {@link User} aggregate, one scenario each. */
class OnboardingAndFamilyTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    final UserId applicant = UserId.random();
    final UserId admin = UserId.random();
    final SocietyId society = SocietyId.random();
    final FlatId flat = FlatId.random();
    final UUID requestId = UUID.randomUUID();
    final DirectoryLookup lookup = mock(DirectoryLookup.class);
    AggregateTestFixture<User> fixture;

    final OnboardingDocument agreement = document(DocumentType.TENANT_AGREEMENT);
    final OnboardingDocument aadhar = document(DocumentType.AADHAR_CARD);
    final OnboardingDocument ownership = document(DocumentType.OWNERSHIP_PROOF);

    static OnboardingDocument document(DocumentType type) {
        return new OnboardingDocument(new DocumentId(UUID.randomUUID()), type);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(lookup);
    }

    UserSignedUp signedUp() {
        return new UserSignedUp(applicant, "Meera", "+919876543210", NOW);
    }

    OnboardingRequestSubmitted submitted(ResidentType type, OnboardingDocument... documents) {
        return new OnboardingRequestSubmitted(applicant, requestId, society, "A", flat, type, List.of(documents), NOW);
    }

    SubmitOnboardingRequest submit(ResidentType type, OnboardingDocument... documents) {
        return new SubmitOnboardingRequest(applicant, requestId, society, "A", flat, type, List.of(documents));
    }

    @Test
    void anUnknownPhoneSignsUpAsAnApplicantInE164() {
        fixture.givenNoPriorActivity()
                .when(new SignUpByPhone(applicant, "098765 43210", " Meera "))
                .expectEvents(new UserSignedUp(applicant, "Meera", "+919876543210", NOW));
    }

    @Test
    void aTenantAppliesWithTheAgreementAndAnIdProof() {
        fixture.given(signedUp())
                .when(submit(ResidentType.TENANT, agreement, aadhar))
                .expectEvents(submitted(ResidentType.TENANT, agreement, aadhar));
    }

    @Test
    void anOwnerWithoutOwnershipProofIsRefused() {
        fixture.given(signedUp())
                .when(submit(ResidentType.OWNER, agreement, aadhar))
                .expectException(Problem.class).expectExceptionMessage("documents: an owner needs an OWNERSHIP_PROOF");
    }

    @Test
    void anApplicationWithoutAnIdProofIsRefused() {
        fixture.given(signedUp())
                .when(submit(ResidentType.TENANT, agreement))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aSecondActiveRequestIsRefused() {
        fixture.given(signedUp(), submitted(ResidentType.TENANT, agreement, aadhar))
                .when(new SubmitOnboardingRequest(applicant, UUID.randomUUID(), society, "A", flat, ResidentType.TENANT,
                        List.of(agreement, aadhar)))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aSecondOwnerOfAFlatIsRefused() {
        doThrow(Problem.conflict("This flat already has an owner")).when(lookup).claimOwner(flat, applicant);
        fixture.given(signedUp())
                .when(submit(ResidentType.OWNER, ownership, aadhar))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void approvalMakesTheApplicantTheFlatsPrimaryResidentWhenItHasNone() {
        when(lookup.claimPrimary(flat, applicant)).thenReturn(true);
        fixture.given(signedUp(), submitted(ResidentType.TENANT, agreement, aadhar))
                .when(new ApproveOnboardingRequest(applicant, requestId, admin, " ok "))
                .expectEvents(new OnboardingRequestApproved(applicant, requestId, society, flat, ResidentType.TENANT,
                        true, admin, "ok", NOW));
    }

    @Test
    void aRejectedRequestIsNotApprovedLater() {
        fixture.given(signedUp(), submitted(ResidentType.TENANT, agreement, aadhar),
                        new OnboardingRequestRejected(applicant, requestId, society, admin, "no", NOW))
                .when(new ApproveOnboardingRequest(applicant, requestId, admin, null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void rejectingAnOwnerReleasesTheFlat() {
        fixture.given(signedUp(), submitted(ResidentType.OWNER, ownership, aadhar))
                .when(new RejectOnboardingRequest(applicant, requestId, admin, "Not the owner"))
                .expectEvents(new OnboardingRequestRejected(applicant, requestId, society, admin, "Not the owner", NOW));
        org.mockito.Mockito.verify(lookup).releaseOwner(flat, applicant);
    }

    @Test
    void resubmittedDocumentsMustIncludeEveryTypeAskedFor() {
        fixture.given(signedUp(), submitted(ResidentType.TENANT, agreement, aadhar),
                        new OnboardingResubmissionRequested(applicant, requestId, society, admin, "blurred",
                                List.of(DocumentType.AADHAR_CARD), NOW))
                .when(new ResubmitOnboardingDocuments(applicant, requestId, List.of(document(DocumentType.PAN_CARD))))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void resubmittedDocumentsPutTheRequestBackForReview() {
        var fresh = document(DocumentType.AADHAR_CARD);
        fixture.given(signedUp(), submitted(ResidentType.TENANT, agreement, aadhar),
                        new OnboardingResubmissionRequested(applicant, requestId, society, admin, "blurred",
                                List.of(DocumentType.AADHAR_CARD), NOW))
                .when(new ResubmitOnboardingDocuments(applicant, requestId, List.of(fresh)))
                .expectEvents(new OnboardingDocumentsResubmitted(applicant, requestId, society, List.of(fresh), NOW));
    }

    @Test
    void documentsAreNotResubmittedUnasked() {
        fixture.given(signedUp(), submitted(ResidentType.TENANT, agreement, aadhar))
                .when(new RequestOnboardingResubmission(applicant, requestId, admin, "why", List.of()))
                .expectException(Problem.class).expectNoEvents();
    }

    // ---- family

    final UserId primary = UserId.random();
    final UserId member = UserId.random();

    @Test
    void thePrimaryResidentInvitesAFamilyMember() {
        when(lookup.primaryOf(flat)).thenReturn(Optional.of(primary));
        when(lookup.lockFlatAndCountResidents(flat)).thenReturn(5);
        fixture.givenNoPriorActivity()
                .when(new InviteFamilyMember(member, primary, society, flat, "9876500000", "Lata", FamilyRole.PARENT))
                .expectEvents(new FamilyMemberInvited(member, society, flat, primary, "Lata", "+919876500000",
                        FamilyRole.PARENT, NOW));
    }

    @Test
    void aSeventhResidentIsRefused() {
        when(lookup.primaryOf(flat)).thenReturn(Optional.of(primary));
        when(lookup.lockFlatAndCountResidents(flat)).thenReturn(User.FAMILY_CAP);
        fixture.givenNoPriorActivity()
                .when(new InviteFamilyMember(member, primary, society, flat, "9876500000", "Lata", FamilyRole.PARENT))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void onlyThePrimaryResidentInvites() {
        when(lookup.primaryOf(flat)).thenReturn(Optional.of(UserId.random()));
        fixture.givenNoPriorActivity()
                .when(new InviteFamilyMember(member, primary, society, flat, "9876500000", "Lata", FamilyRole.PARENT))
                .expectException(Problem.class).expectNoEvents();
    }

    FamilyMemberInvited invited() {
        return new FamilyMemberInvited(member, society, flat, primary, "Lata", "+919876500000", FamilyRole.PARENT, NOW);
    }

    @Test
    void anInviteeIsActivatedAtFirstSignIn() {
        fixture.given(invited())
                .when(new ActivateInvitedMember(member))
                .expectEvents(new InvitedMemberActivated(member, society, flat, NOW));
    }

    @Test
    void thePrimaryRemovesAMemberButNotAnotherPrimary() {
        when(lookup.primaryOf(flat)).thenReturn(Optional.of(primary));
        fixture.given(invited())
                .when(new RemoveFamilyMember(member, primary))
                .expectEvents(new FamilyMemberRemoved(member, society, flat, primary, NOW));
        fixture.given(new UserRegistered(member, "Other", "+919876500001", Role.RESIDENT, society, flat, NOW, true),
                        new PrimaryResidentAssigned(member, society, flat, NOW))
                .when(new RemoveFamilyMember(member, primary))
                .expectException(Problem.class).expectNoEvents();
    }
}
