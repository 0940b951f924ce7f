package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a user account. */
public sealed interface UserCommand {

    /**
     * Registers a user. {@code passwordHash} is a bcrypt hash: plain passwords never enter a message.
     * {@code societyId} is null only for the platform roles; {@code flatId} is set for residents only.
     */
    record RegisterUser(@TargetAggregateIdentifier UserId userId, String name, String phone, String passwordHash,
                        Role role, SocietyId societyId, FlatId flatId) implements UserCommand {
    }

    /** Gives a user another role within the same society; a resident's flat comes with it. */
    record ChangeUserRole(@TargetAggregateIdentifier UserId userId, Role role, FlatId flatId) implements UserCommand {
    }

    record MoveUserToFlat(@TargetAggregateIdentifier UserId userId, FlatId flatId) implements UserCommand {
    }

    record DeactivateUser(@TargetAggregateIdentifier UserId userId) implements UserCommand {
    }

    /**
     * Creates the account of an unknown phone that proved itself with a one-time code: an APPLICANT of no
     * society, without a password, who may apply to live in a flat ({@link OnboardingCommand}).
     */
    record SignUpByPhone(@TargetAggregateIdentifier UserId userId, String phone, String name) implements UserCommand {
    }

    /**
     * The primary resident of a flat invites a family member: a RESIDENT of the flat who becomes active at
     * their first sign-in by one-time code. At most {@code FAMILY_CAP} residents per flat, invitees included.
     */
    record InviteFamilyMember(@TargetAggregateIdentifier UserId userId, UserId invitedBy, SocietyId societyId,
                              FlatId flatId, String phone, String name, FamilyRole familyRole) implements UserCommand {
    }

    /** An invited family member signed in by one-time code for the first time. */
    record ActivateInvitedMember(@TargetAggregateIdentifier UserId userId) implements UserCommand {
    }

    record ChangeFamilyRole(@TargetAggregateIdentifier UserId userId, UserId by, FamilyRole familyRole)
            implements UserCommand {
    }

    /** The primary resident removes a member of their flat (never themselves, never another primary). */
    record RemoveFamilyMember(@TargetAggregateIdentifier UserId userId, UserId by) implements UserCommand {
    }

    /** Changes the user's own profile; null fields stay as they are. */
    record UpdateProfile(@TargetAggregateIdentifier UserId userId, String name, String email, String photoKey)
            implements UserCommand {
    }

    /** An active user (or a deactivated one, by an admin) is active again. */
    record ReactivateUser(@TargetAggregateIdentifier UserId userId) implements UserCommand {
    }
}
