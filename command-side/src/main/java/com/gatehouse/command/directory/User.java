package com.gatehouse.command.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Phones;
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
import com.gatehouse.api.directory.OnboardingStatus;
import com.gatehouse.api.directory.ResidentType;
import com.gatehouse.api.directory.UserCommand.ActivateInvitedMember;
import com.gatehouse.api.directory.UserCommand.ChangeFamilyRole;
import com.gatehouse.api.directory.UserCommand.ChangeUserRole;
import com.gatehouse.api.directory.UserCommand.DeactivateUser;
import com.gatehouse.api.directory.UserCommand.InviteFamilyMember;
import com.gatehouse.api.directory.UserCommand.MoveUserToFlat;
import com.gatehouse.api.directory.UserCommand.ReactivateUser;
import com.gatehouse.api.directory.UserCommand.RegisterUser;
import com.gatehouse.api.directory.UserCommand.RemoveFamilyMember;
import com.gatehouse.api.directory.UserCommand.SignUpByPhone;
import com.gatehouse.api.directory.UserCommand.UpdateProfile;
import com.gatehouse.api.directory.UserCommand.ChangePassword;
import com.gatehouse.api.directory.UserCommand.ResetPassword;
import com.gatehouse.api.directory.UserEvent.PasswordChanged;
import com.gatehouse.api.directory.UserEvent.PasswordReset;
import com.gatehouse.api.directory.UserEvent.FamilyMemberInvited;
import com.gatehouse.api.directory.UserEvent.FamilyMemberRemoved;
import com.gatehouse.api.directory.UserEvent.FamilyRoleChanged;
import com.gatehouse.api.directory.UserEvent.InvitedMemberActivated;
import com.gatehouse.api.directory.UserEvent.PrimaryResidentAssigned;
import com.gatehouse.api.directory.UserEvent.ProfileUpdated;
import com.gatehouse.api.directory.UserEvent.UserDeactivated;
import com.gatehouse.api.directory.UserEvent.UserMovedToFlat;
import com.gatehouse.api.directory.UserEvent.UserReactivated;
import com.gatehouse.api.directory.UserEvent.UserRegistered;
import com.gatehouse.api.directory.UserEvent.UserRoleChanged;
import com.gatehouse.api.directory.UserEvent.UserSignedUp;
import com.gatehouse.api.common.Texts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static com.gatehouse.api.common.Texts.blankToNull;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's account: one role, in one society (none for the platform operator and for applicants), a flat
 * for residents. Rules spanning aggregates (phone unique, flat in society, one primary resident and at most
 * {@value #FAMILY_CAP} residents per flat, one owner per flat) go through {@link DirectoryLookup}, inside
 * the command's transaction.
 * <p>
 * It also decides the user's onboarding: an APPLICANT (signed up by one-time code) applies for a flat with
 * documents; one active request per user is a rule of this aggregate alone. Approval makes them an active
 * RESIDENT of the flat, and its primary resident when the flat had none.
 * <p>
 * Family: the primary resident invites members (inactive RESIDENTs of the flat until their first sign-in by
 * one-time code), changes their family role and removes them.
 */
@Aggregate
public class User {

    /** Residents per flat, invited family members included (the seed's "6 family members per flat"). */
    public static final int FAMILY_CAP = 6;

    @AggregateIdentifier
    private UserId id;
    private Role role;
    private SocietyId society;
    private FlatId flat;
    private boolean active;
    private boolean invited;
    private boolean primary;
    private String name;
    private String email;
    private String photoKey;
    private Request request;

    /** The user's latest onboarding request. */
    private record Request(UUID id, SocietyId society, FlatId flat, ResidentType type, OnboardingStatus status,
                           Map<DocumentType, OnboardingDocument> documents, List<DocumentType> toResubmit) {
        Request with(OnboardingStatus next) {
            return new Request(id, society, flat, type, next, documents, toResubmit);
        }
    }

    protected User() {
    }

    @CommandHandler
    public User(RegisterUser cmd, Clock clock, DirectoryLookup lookup, Credentials credentials) {
        requirePlacement(cmd.role(), cmd.societyId(), cmd.flatId(), lookup);
        String phone = Phones.stored(cmd.phone());
        lookup.claimPhone(phone, cmd.userId());
        var now = clock.instant();
        boolean passwordSet = cmd.passwordHash() != null;
        if (passwordSet) {
            credentials.setPasswordHash(cmd.userId(), cmd.passwordHash(), now); // the secret stays out of the event
        }
        apply(new UserRegistered(cmd.userId(), cmd.name().strip(), phone, cmd.role(), cmd.societyId(), cmd.flatId(),
                now, passwordSet));
        if (cmd.role() == Role.RESIDENT) {
            // the command's values, not the fields: in a creating handler they are set only once it returns
            lookup.placeResident(cmd.userId(), cmd.flatId());
            if (lookup.claimPrimary(cmd.flatId(), cmd.userId())) {
                apply(new PrimaryResidentAssigned(cmd.userId(), cmd.societyId(), cmd.flatId(), clock.instant()));
            }
        }
    }

    @CommandHandler
    public User(SignUpByPhone cmd, Clock clock, DirectoryLookup lookup) {
        String phone = Phones.normalise(cmd.phone(), "phone");
        lookup.claimPhone(phone, cmd.userId());
        String given = cmd.name() == null || cmd.name().isBlank() ? "" : cmd.name().strip();
        apply(new UserSignedUp(cmd.userId(), given, phone, clock.instant()));
    }

    /**
     * The cap is checked under a lock on the flat's lookup row, so concurrent invites for one flat are
     * decided one after the other: at most {@value #FAMILY_CAP} residents, whatever arrives at once.
     */
    @CommandHandler
    public User(InviteFamilyMember cmd, Clock clock, DirectoryLookup lookup) {
        lookup.requireFlatInSociety(cmd.flatId(), cmd.societyId());
        if (!lookup.primaryOf(cmd.flatId()).map(cmd.invitedBy()::equals).orElse(false)) {
            throw Problem.forbidden("Only the primary resident of the flat invites family members");
        }
        int residents = lookup.lockFlatAndCountResidents(cmd.flatId());
        if (residents >= FAMILY_CAP) {
            throw Problem.conflict("A flat has at most " + FAMILY_CAP + " members (family members invited "
                    + "included); remove one before inviting another");
        }
        String phone = Phones.normalise(cmd.phone(), "phone");
        lookup.claimPhone(phone, cmd.userId());
        lookup.placeResident(cmd.userId(), cmd.flatId());
        apply(new FamilyMemberInvited(cmd.userId(), cmd.societyId(), cmd.flatId(), cmd.invitedBy(),
                cmd.name().strip(), phone, Objects.requireNonNull(cmd.familyRole(), "familyRole"), clock.instant()));
    }

    @CommandHandler
    public void handle(ChangeUserRole cmd, Clock clock, DirectoryLookup lookup) {
        requireActive();
        if (cmd.role() == Role.SUPER_ADMIN || role == Role.SUPER_ADMIN || cmd.role() == Role.APPLICANT
                || role == Role.APPLICANT) {
            throw Problem.invalid("role", "the platform operator's and applicants' roles cannot be given or taken here");
        }
        requirePlacement(cmd.role(), society, cmd.flatId(), lookup);
        if (cmd.role() == role && Objects.equals(cmd.flatId(), flat)) {
            return;
        }
        leaveFlat(lookup);
        apply(new UserRoleChanged(id, society, cmd.role(), cmd.flatId(), clock.instant()));
        if (cmd.role() == Role.RESIDENT) {
            lookup.placeResident(id, flat);
            claimPrimary(lookup, clock);
        }
    }

    @CommandHandler
    public void handle(MoveUserToFlat cmd, Clock clock, DirectoryLookup lookup) {
        requireActive();
        if (role != Role.RESIDENT) {
            throw Problem.invalid("flatId", "only residents live in a flat");
        }
        lookup.requireFlatInSociety(cmd.flatId(), society);
        if (cmd.flatId().equals(flat)) {
            return;
        }
        leaveFlat(lookup);
        apply(new UserMovedToFlat(id, society, cmd.flatId(), clock.instant()));
        lookup.placeResident(id, flat);
        claimPrimary(lookup, clock);
    }

    @CommandHandler
    public void handle(DeactivateUser cmd, Clock clock, DirectoryLookup lookup) {
        if (!active && !invited) {
            return;
        }
        if (role == Role.SUPER_ADMIN) {
            throw Problem.conflict("The platform operator cannot be deactivated");
        }
        leaveFlat(lookup);
        apply(new UserDeactivated(id, society, clock.instant()));
    }

    /**
     * A deactivated user is active again; a resident returns to their flat (and is its primary resident when
     * it has none). A family member removed from their flat has no flat to return to (409).
     */
    @CommandHandler
    public void handle(ReactivateUser cmd, Clock clock, DirectoryLookup lookup) {
        if (active) {
            return;
        }
        if (invited) {
            throw Problem.conflict("An invited family member becomes active at their first sign-in");
        }
        if (role == Role.RESIDENT && flat == null) {
            throw Problem.conflict("This resident was removed from their flat: register them again in a flat");
        }
        apply(new UserReactivated(id, society, clock.instant()));
        if (role == Role.RESIDENT) {
            lookup.placeResident(id, flat);
            claimPrimary(lookup, clock);
        }
    }

    @CommandHandler
    public void handle(ActivateInvitedMember cmd, Clock clock) {
        if (active) {
            return;
        }
        if (!invited) {
            throw Problem.conflict("This account is deactivated");
        }
        apply(new InvitedMemberActivated(id, society, flat, clock.instant()));
    }

    @CommandHandler
    public void handle(ChangeFamilyRole cmd, Clock clock, DirectoryLookup lookup) {
        requirePrimaryOfMyFlat(cmd.by(), lookup);
        if (primary) {
            throw Problem.invalid("memberId", "the primary resident has no family role to change");
        }
        apply(new FamilyRoleChanged(id, society, Objects.requireNonNull(cmd.familyRole(), "familyRole"),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RemoveFamilyMember cmd, Clock clock, DirectoryLookup lookup) {
        if (id.equals(cmd.by())) {
            throw Problem.invalid("memberId", "you cannot remove yourself");
        }
        requirePrimaryOfMyFlat(cmd.by(), lookup);
        if (primary) {
            throw Problem.invalid("memberId", "a primary resident cannot be removed");
        }
        FlatId left = flat;
        lookup.removeResident(id);
        apply(new FamilyMemberRemoved(id, society, left, cmd.by(), clock.instant()));
    }

    @CommandHandler
    public void handle(UpdateProfile cmd, Clock clock) {
        if (!active) {
            throw Problem.conflict("This account is deactivated");
        }
        String newName = cmd.name() == null ? name : Texts.required("name", cmd.name());
        String newEmail = cmd.email() == null ? email : Texts.blankToNull(cmd.email()); // "" removes it
        String newPhoto = cmd.photoKey() == null ? photoKey : Texts.blankToNull(cmd.photoKey());
        if (Objects.equals(newName, name) && Objects.equals(newEmail, email) && Objects.equals(newPhoto, photoKey)) {
            return;
        }
        apply(new ProfileUpdated(id, society, newName, newEmail, newPhoto, clock.instant()));
    }

    /** The user's new password (checked against the old one before dispatch): the hash goes to the credentials. */
    @CommandHandler
    public void handle(ChangePassword cmd, Clock clock, Credentials credentials) {
        if (!active) {
            throw Problem.conflict("This account is deactivated");
        }
        Instant now = clock.instant();
        credentials.setPasswordHash(id, cmd.passwordHash(), now);
        credentials.changed(id);
        apply(new PasswordChanged(id, society, now));
    }

    /** An admin's temporary password: the user must choose a new one before they can log in again. */
    @CommandHandler
    public void handle(ResetPassword cmd, Clock clock, Credentials credentials) {
        if (role == Role.SUPER_ADMIN) {
            throw Problem.forbidden("The platform admin's password is changed only by its holder");
        }
        Instant now = clock.instant();
        credentials.setPasswordHash(id, cmd.passwordHash(), now);
        credentials.requireChange(id, now);
        apply(new PasswordReset(id, society, cmd.by(), now));
    }

    // ---- onboarding

    /**
     * The applicant asks to live in a flat of a society (checked before dispatch: the flat is in the block;
     * here: the flat is in the society). Refused: anyone but an active applicant (409), a second active
     * request (409), documents that do not prove the claim (400), a second owner of one flat (409).
     */
    @CommandHandler
    public void handle(SubmitOnboardingRequest cmd, Clock clock, DirectoryLookup lookup) {
        requireActive();
        if (request != null && request.status().active()) {
            throw Problem.conflict("You already have an onboarding request under review ("
                    + request.status() + ")");
        }
        if (role != Role.APPLICANT) {
            throw Problem.conflict("You are already a member of a society");
        }
        lookup.requireFlatInSociety(cmd.flatId(), cmd.societyId());
        Map<DocumentType, OnboardingDocument> documents = byType(cmd.documents());
        requireProof(cmd.residentType(), documents);
        if (cmd.residentType() == ResidentType.OWNER) {
            lookup.claimOwner(cmd.flatId(), id);
        }
        apply(new OnboardingRequestSubmitted(id, cmd.requestId(), cmd.societyId(), cmd.block(), cmd.flatId(),
                cmd.residentType(), List.copyOf(documents.values()), clock.instant()));
    }

    @CommandHandler
    public void handle(ApproveOnboardingRequest cmd, Clock clock, DirectoryLookup lookup) {
        Request r = reviewable(cmd.requestId(), "approved");
        if (!active) {
            throw Problem.conflict("The applicant's account is deactivated");
        }
        lookup.placeResident(id, r.flat());
        boolean first = lookup.claimPrimary(r.flat(), id);
        apply(new OnboardingRequestApproved(id, r.id(), r.society(), r.flat(), r.type(), first, cmd.by(),
                blankToNull(cmd.notes()), clock.instant()));
    }

    @CommandHandler
    public void handle(RejectOnboardingRequest cmd, Clock clock, DirectoryLookup lookup) {
        Request r = reviewable(cmd.requestId(), "rejected");
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            throw Problem.invalid("reason", "must not be blank");
        }
        if (r.type() == ResidentType.OWNER) {
            lookup.releaseOwner(r.flat(), id);
        }
        apply(new OnboardingRequestRejected(id, r.id(), r.society(), cmd.by(), cmd.reason().strip(), clock.instant()));
    }

    @CommandHandler
    public void handle(RequestOnboardingResubmission cmd, Clock clock) {
        Request r = reviewable(cmd.requestId(), "sent back");
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            throw Problem.invalid("reason", "must not be blank");
        }
        if (cmd.documentsToResubmit().isEmpty()) {
            throw Problem.invalid("documentsToResubmit", "name at least one document type");
        }
        apply(new OnboardingResubmissionRequested(id, r.id(), r.society(), cmd.by(), cmd.reason().strip(),
                List.copyOf(new java.util.LinkedHashSet<>(cmd.documentsToResubmit())), clock.instant()));
    }

    /**
     * New documents after a request for resubmission: every type asked for must come again; they replace the
     * documents of the same type, and the whole set must still prove the claim. Back to PENDING_APPROVAL.
     */
    @CommandHandler
    public void handle(ResubmitOnboardingDocuments cmd, Clock clock) {
        if (request == null || !request.id().equals(cmd.requestId())) {
            throw Problem.notFound("Onboarding request");
        }
        if (request.status() != OnboardingStatus.RESUBMIT_REQUESTED) {
            throw Problem.conflict("Documents are resubmitted only when asked for; this request is "
                    + request.status());
        }
        Map<DocumentType, OnboardingDocument> fresh = byType(cmd.documents());
        List<DocumentType> missing = request.toResubmit().stream().filter(t -> !fresh.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw Problem.invalid("documents", "the review asked again for " + missing);
        }
        Map<DocumentType, OnboardingDocument> merged = new EnumMap<>(request.documents());
        merged.putAll(fresh);
        requireProof(request.type(), merged);
        apply(new OnboardingDocumentsResubmitted(id, request.id(), request.society(), List.copyOf(fresh.values()),
                clock.instant()));
    }

    private Request reviewable(UUID requestId, String what) {
        if (request == null || !request.id().equals(requestId)) {
            throw Problem.notFound("Onboarding request");
        }
        if (request.status() != OnboardingStatus.PENDING_APPROVAL) {
            throw Problem.conflict("Only a request pending approval can be " + what + "; this one is "
                    + request.status());
        }
        return request;
    }

    /** One document per type (the last given wins); at least one. */
    private static Map<DocumentType, OnboardingDocument> byType(List<OnboardingDocument> documents) {
        if (documents == null || documents.isEmpty()) {
            throw Problem.invalid("documents", "upload at least one document");
        }
        Map<DocumentType, OnboardingDocument> byType = new EnumMap<>(DocumentType.class);
        for (OnboardingDocument d : documents) {
            if (d == null || d.documentId() == null || d.documentType() == null) {
                throw Problem.invalid("documents", "each document needs documentId and documentType");
            }
            byType.put(d.documentType(), d);
        }
        return byType;
    }

    /** An owner proves ownership, a tenant the rental agreement, and everyone who they are. */
    static void requireProof(ResidentType type, Map<DocumentType, OnboardingDocument> documents) {
        if (type == null) {
            throw Problem.invalid("residentType", "must be OWNER or TENANT");
        }
        if (type == ResidentType.OWNER && !documents.containsKey(DocumentType.OWNERSHIP_PROOF)) {
            throw Problem.invalid("documents", "an owner needs an OWNERSHIP_PROOF");
        }
        if (type == ResidentType.TENANT && !documents.containsKey(DocumentType.TENANT_AGREEMENT)) {
            throw Problem.invalid("documents", "a tenant needs a TENANT_AGREEMENT");
        }
        if (documents.keySet().stream().noneMatch(DocumentType.ID_PROOFS::contains)) {
            throw Problem.invalid("documents", "at least one ID proof is needed, one of "
                    + DocumentType.ID_PROOFS.stream().map(Enum::name).sorted().toList());
        }
    }

    // ---- helpers

    /** Becomes the flat's primary resident when it has none (after the event that put us in the flat). */
    private void claimPrimary(DirectoryLookup lookup, Clock clock) {
        if (flat != null && lookup.claimPrimary(flat, id)) {
            apply(new PrimaryResidentAssigned(id, society, flat, clock.instant()));
        }
    }

    /** Frees our place in the flat (the count and, if ours, the primary's seat). */
    private void leaveFlat(DirectoryLookup lookup) {
        if (flat != null) {
            lookup.removeResident(id);
            lookup.releasePrimary(flat, id);
        }
    }

    /** 404 unless {@code by} is the primary resident of this member's flat (another flat's member is not found). */
    private void requirePrimaryOfMyFlat(UserId by, DirectoryLookup lookup) {
        if (flat == null || role != Role.RESIDENT || (!active && !invited)
                || !lookup.primaryOf(flat).map(by::equals).orElse(false)) {
            throw Problem.notFound("Family member");
        }
    }


    /** Where a role may sit: platform roles and applicants outside any society, residents in a flat of theirs. */
    private static void requirePlacement(Role role, SocietyId society, FlatId flat, DirectoryLookup lookup) {
        switch (role) {
            case SUPER_ADMIN, APPLICANT -> {
                if (society != null || flat != null) {
                    throw Problem.invalid("role", "a " + role + " belongs to no society");
                }
            }
            case AUDITOR, ADMIN, GUARD -> {
                if (society == null && role != Role.AUDITOR) {
                    throw Problem.invalid("societyId", "a " + role + " belongs to a society");
                }
                if (flat != null) {
                    throw Problem.invalid("flatId", "only residents live in a flat");
                }
            }
            case RESIDENT -> {
                if (society == null || flat == null) {
                    throw Problem.invalid("flatId", "a resident needs a flat of the society");
                }
                lookup.requireFlatInSociety(flat, society);
            }
        }
        if (society != null && !lookup.societyExists(society)) {
            throw Problem.notFound("Society");
        }
    }

    private void requireActive() {
        if (!active) {
            throw Problem.conflict("The user is deactivated");
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        id = event.userId();
        role = event.role();
        society = event.societyId();
        flat = event.flatId();
        name = event.name();
        active = true;
    }

    @EventSourcingHandler
    void on(UserSignedUp event) {
        id = event.userId();
        role = Role.APPLICANT;
        name = event.name();
        active = true;
    }

    @EventSourcingHandler
    void on(FamilyMemberInvited event) {
        id = event.userId();
        role = Role.RESIDENT;
        society = event.societyId();
        flat = event.flatId();
        name = event.name();
        invited = true;
    }

    @EventSourcingHandler
    void on(InvitedMemberActivated event) {
        invited = false;
        active = true;
    }

    @EventSourcingHandler
    void on(PrimaryResidentAssigned event) {
        primary = true;
    }

    @EventSourcingHandler
    void on(FamilyMemberRemoved event) {
        active = false;
        invited = false;
        flat = null;
    }

    @EventSourcingHandler
    void on(UserRoleChanged event) {
        role = event.role();
        flat = event.flatId();
        primary = false;
    }

    @EventSourcingHandler
    void on(UserMovedToFlat event) {
        flat = event.flatId();
        primary = false;
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
        invited = false;
        primary = false;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(ProfileUpdated event) {
        name = event.name();
        email = event.email();
        photoKey = event.photoKey();
    }

    @EventSourcingHandler
    void on(OnboardingRequestSubmitted event) {
        Map<DocumentType, OnboardingDocument> documents = new EnumMap<>(DocumentType.class);
        event.documents().forEach(d -> documents.put(d.documentType(), d));
        request = new Request(event.requestId(), event.societyId(), event.flatId(), event.residentType(),
                OnboardingStatus.PENDING_APPROVAL, documents, List.of());
    }

    @EventSourcingHandler
    void on(OnboardingRequestApproved event) {
        request = request.with(OnboardingStatus.APPROVED);
        role = Role.RESIDENT;
        society = event.societyId();
        flat = event.flatId();
        primary = event.primary();
    }

    @EventSourcingHandler
    void on(OnboardingRequestRejected event) {
        request = request.with(OnboardingStatus.REJECTED);
    }

    @EventSourcingHandler
    void on(OnboardingResubmissionRequested event) {
        request = new Request(request.id(), request.society(), request.flat(), request.type(),
                OnboardingStatus.RESUBMIT_REQUESTED, request.documents(), event.documentsToResubmit());
    }

    @EventSourcingHandler
    void on(OnboardingDocumentsResubmitted event) {
        Map<DocumentType, OnboardingDocument> documents = new EnumMap<>(request.documents());
        event.documents().forEach(d -> documents.put(d.documentType(), d));
        request = new Request(request.id(), request.society(), request.flat(), request.type(),
                OnboardingStatus.PENDING_APPROVAL, documents, List.of());
    }
}
