package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

import static com.gatehouse.api.common.DataSubject.Kind.USER;

/** What happened to a user account. Every event names the society so projections need no lookup. */
public sealed interface UserEvent {

    UserId userId();

    SocietyId societyId();

    /**
     * A user account was opened. {@code passwordSet} says whether a password was set with it; the password's hash
     * itself never enters an event (secrets live in the command side's {@code credentials} table). Events stored
     * before issue 16 carried the hash: {@code PasswordHashUpcaster} drops it on read.
     */
    record UserRegistered(UserId userId, @PersonalData(subject = USER, idFrom = "userId") String name,
                          @PersonalData(subject = USER, idFrom = "userId") String phone, Role role,
                          SocietyId societyId, FlatId flatId, Instant registeredAt, boolean passwordSet)
            implements UserEvent {
    }

    record UserRoleChanged(UserId userId, SocietyId societyId, Role role, FlatId flatId, Instant changedAt)
            implements UserEvent {
    }

    record UserMovedToFlat(UserId userId, SocietyId societyId, FlatId flatId, Instant movedAt) implements UserEvent {
    }

    record UserDeactivated(UserId userId, SocietyId societyId, Instant deactivatedAt) implements UserEvent {
    }

    /** A phone unknown to the directory proved itself with a one-time code: an applicant of no society. */
    record UserSignedUp(UserId userId, @PersonalData(subject = USER, idFrom = "userId") String name, @PersonalData(subject = USER, idFrom = "userId") String phone,
                        Instant signedUpAt) implements UserEvent {
        @Override
        public SocietyId societyId() {
            return null;
        }
    }

    /**
     * The user became the primary resident of their flat: the first resident it had (who may invite family).
     */
    record PrimaryResidentAssigned(UserId userId, SocietyId societyId, FlatId flatId, Instant assignedAt)
            implements UserEvent {
    }

    record FamilyMemberInvited(UserId userId, SocietyId societyId, FlatId flatId, UserId invitedBy,
                               @PersonalData(subject = USER, idFrom = "userId") String name,
                               @PersonalData(subject = USER, idFrom = "userId") String phone, FamilyRole familyRole, Instant invitedAt) implements UserEvent {
    }

    record InvitedMemberActivated(UserId userId, SocietyId societyId, FlatId flatId, Instant activatedAt)
            implements UserEvent {
    }

    record FamilyRoleChanged(UserId userId, SocietyId societyId, FamilyRole familyRole, Instant changedAt)
            implements UserEvent {
    }

    /** Removed from the flat by its primary resident: no longer a member, cannot sign in. */
    record FamilyMemberRemoved(UserId userId, SocietyId societyId, FlatId flatId, UserId removedBy, Instant removedAt)
            implements UserEvent {
    }

    record ProfileUpdated(UserId userId, SocietyId societyId, @PersonalData(subject = USER, idFrom = "userId") String name,
                          @PersonalData(subject = USER, idFrom = "userId") String email,
                          @PersonalData(subject = USER, idFrom = "userId") String photoKey, Instant updatedAt) implements UserEvent {
    }

    record UserReactivated(UserId userId, SocietyId societyId, Instant reactivatedAt) implements UserEvent {
    }
}
