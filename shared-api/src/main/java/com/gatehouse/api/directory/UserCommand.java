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
}
