package com.gatehouse.command.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.UserCommand.ChangeUserRole;
import com.gatehouse.api.directory.UserCommand.DeactivateUser;
import com.gatehouse.api.directory.UserCommand.MoveUserToFlat;
import com.gatehouse.api.directory.UserCommand.RegisterUser;
import com.gatehouse.api.directory.UserEvent.UserDeactivated;
import com.gatehouse.api.directory.UserEvent.UserMovedToFlat;
import com.gatehouse.api.directory.UserEvent.UserRegistered;
import com.gatehouse.api.directory.UserEvent.UserRoleChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's account: one role, in one society (none for the platform operator), a flat for
 * residents. Rules spanning aggregates (phone unique, flat in society) go through {@link DirectoryLookup}.
 */
@Aggregate
public class User {

    @AggregateIdentifier
    private UserId id;
    private Role role;
    private SocietyId society;
    private FlatId flat;
    private boolean active;

    protected User() {
    }

    @CommandHandler
    public User(RegisterUser cmd, Clock clock, DirectoryLookup lookup, Credentials credentials) {
        requirePlacement(cmd.role(), cmd.societyId(), cmd.flatId(), lookup);
        lookup.claimPhone(cmd.phone(), cmd.userId());
        var now = clock.instant();
        boolean passwordSet = cmd.passwordHash() != null;
        if (passwordSet) {
            credentials.setPasswordHash(cmd.userId(), cmd.passwordHash(), now); // the secret stays out of the event
        }
        apply(new UserRegistered(cmd.userId(), cmd.name().strip(), cmd.phone(), cmd.role(), cmd.societyId(),
                cmd.flatId(), now, passwordSet));
    }

    @CommandHandler
    public void handle(ChangeUserRole cmd, Clock clock, DirectoryLookup lookup) {
        requireActive();
        if (cmd.role() == Role.SUPER_ADMIN || role == Role.SUPER_ADMIN) {
            throw Problem.invalid("role", "the platform operator's role cannot be given or taken here");
        }
        requirePlacement(cmd.role(), society, cmd.flatId(), lookup);
        if (cmd.role() == role && Objects.equals(cmd.flatId(), flat)) {
            return;
        }
        apply(new UserRoleChanged(id, society, cmd.role(), cmd.flatId(), clock.instant()));
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
        apply(new UserMovedToFlat(id, society, cmd.flatId(), clock.instant()));
    }

    @CommandHandler
    public void handle(DeactivateUser cmd, Clock clock) {
        if (!active) {
            return;
        }
        if (role == Role.SUPER_ADMIN) {
            throw Problem.conflict("The platform operator cannot be deactivated");
        }
        apply(new UserDeactivated(id, society, clock.instant()));
    }

    /** Where a role may sit: platform roles outside any society, residents in a flat of theirs. */
    private static void requirePlacement(Role role, SocietyId society, FlatId flat, DirectoryLookup lookup) {
        switch (role) {
            case SUPER_ADMIN -> {
                if (society != null || flat != null) {
                    throw Problem.invalid("role", "the platform operator belongs to no society");
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
        active = true;
    }

    @EventSourcingHandler
    void on(UserRoleChanged event) {
        role = event.role();
        flat = event.flatId();
    }

    @EventSourcingHandler
    void on(UserMovedToFlat event) {
        flat = event.flatId();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }
}
