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

    record UserRegistered(UserId userId, @PersonalData(subject = USER, idFrom = "userId") String name,
                          @PersonalData(subject = USER, idFrom = "userId") String phone, String passwordHash, Role role,
                          SocietyId societyId, FlatId flatId, Instant registeredAt) implements UserEvent {
    }

    record UserRoleChanged(UserId userId, SocietyId societyId, Role role, FlatId flatId, Instant changedAt)
            implements UserEvent {
    }

    record UserMovedToFlat(UserId userId, SocietyId societyId, FlatId flatId, Instant movedAt) implements UserEvent {
    }

    record UserDeactivated(UserId userId, SocietyId societyId, Instant deactivatedAt) implements UserEvent {
    }
}
