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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class UserTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    final UserId user = UserId.random();
    final SocietyId society = SocietyId.random();
    final FlatId flat = FlatId.random();
    final FlatId otherFlat = FlatId.random();
    final DirectoryLookup lookup = mock(DirectoryLookup.class);
    final Credentials credentials = mock(Credentials.class);
    AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(lookup);
        fixture.registerInjectableResource(credentials);
        when(lookup.societyExists(society)).thenReturn(true);
        doThrow(Problem.notFound("Flat")).when(lookup).requireFlatInSociety(any(), any());
        org.mockito.Mockito.doNothing().when(lookup).requireFlatInSociety(eq(flat), eq(society));
        org.mockito.Mockito.doNothing().when(lookup).requireFlatInSociety(eq(otherFlat), eq(society));
    }

    private UserRegistered residentRegistered() {
        return new UserRegistered(user, "Ravi", "9000000003", Role.RESIDENT, society, flat, NOW, true);
    }

    @Test
    void aResidentIsRegisteredInAFlatOfTheSociety() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(user, " Ravi ", "90000 00003", "hash", Role.RESIDENT, society, flat))
                // the phone is stored in E.164 (+91 for an Indian number), whatever form it came in
                .expectEvents(new UserRegistered(user, "Ravi", "+919000000003", Role.RESIDENT, society, flat, NOW, true));
        // the hash goes to the credentials table, never into the event
        org.mockito.Mockito.verify(credentials).setPasswordHash(user, "hash", NOW);
    }

    @Test
    void anOldRegistrationWithAHashIsReadWithoutIt() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var old = mapper.createObjectNode().put("userId", user.toString()).put("name", "Ravi")
                .put("passwordHash", "$2a$10$abcdefghijklmnopqrstuv");
        var upcast = PasswordHashUpcaster.dropHash(old);
        org.assertj.core.api.Assertions.assertThat(upcast.has("passwordHash")).isFalse();
        org.assertj.core.api.Assertions.assertThat(upcast.get("passwordSet").asBoolean()).isTrue();
        org.assertj.core.api.Assertions.assertThat(upcast.get("name").asText()).isEqualTo("Ravi");
    }

    @Test
    void aResidentNeedsAFlat() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(user, "Ravi", "9000000003", "hash", Role.RESIDENT, society, null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aResidentCannotLiveInAFlatOfAnotherSociety() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(user, "Ravi", "9000000003", "hash", Role.RESIDENT, society, FlatId.random()))
                .expectException(Problem.class).expectExceptionMessage("Flat not found").expectNoEvents();
    }

    @Test
    void aGuardHasNoFlat() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(user, "Gopal", "9000000002", "hash", Role.GUARD, society, flat))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aSocietyRoleNeedsAnExistingSociety() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(user, "Gopal", "9000000002", "hash", Role.GUARD, SocietyId.random(), null))
                .expectException(Problem.class).expectExceptionMessage("Society not found").expectNoEvents();
    }

    @Test
    void aPhoneNumberHeldByAnotherUserIsRefused() {
        doThrow(Problem.conflict("A user with this phone number already exists"))
                .when(lookup).claimPhone("+919000000003", user);
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(user, "Ravi", "9000000003", "hash", Role.RESIDENT, society, flat))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void theOperatorBelongsToNoSociety() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(user, "Op", "9000000000", "hash", Role.SUPER_ADMIN, society, null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aResidentBecomesAGuardAndLeavesTheFlat() {
        fixture.given(residentRegistered())
                .when(new ChangeUserRole(user, Role.GUARD, null))
                .expectEvents(new UserRoleChanged(user, society, Role.GUARD, null, NOW));
    }

    @Test
    void changingToTheSameRoleChangesNothing() {
        fixture.given(residentRegistered())
                .when(new ChangeUserRole(user, Role.RESIDENT, flat))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aResidentMovesToAnotherFlat() {
        fixture.given(residentRegistered())
                .when(new MoveUserToFlat(user, otherFlat))
                .expectEvents(new UserMovedToFlat(user, society, otherFlat, NOW));
    }

    @Test
    void aDeactivatedUserCannotBeChanged() {
        fixture.given(residentRegistered(), new UserDeactivated(user, society, NOW))
                .when(new ChangeUserRole(user, Role.GUARD, null))
                .expectException(Problem.class).expectExceptionMessage("The user is deactivated").expectNoEvents();
    }

    @Test
    void deactivatingTwiceIsHarmless() {
        fixture.given(residentRegistered(), new UserDeactivated(user, society, NOW))
                .when(new DeactivateUser(user))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aUserIsDeactivated() {
        fixture.given(residentRegistered())
                .when(new DeactivateUser(user))
                .expectEvents(new UserDeactivated(user, society, NOW));
    }

    @Test
    void aUserChangesTheirProfileAndAnEmptyTextRemovesAnEmailOrPhoto() {
        fixture.given(residentRegistered())
                .when(new com.gatehouse.api.directory.UserCommand.UpdateProfile(user, " Ravi K ", "ravi@example.com",
                        "societies/x/PROFILE_PHOTO/a.jpg"))
                .expectEvents(new com.gatehouse.api.directory.UserEvent.ProfileUpdated(user, society, "Ravi K",
                        "ravi@example.com", "societies/x/PROFILE_PHOTO/a.jpg", NOW));
        fixture.given(residentRegistered(), new com.gatehouse.api.directory.UserEvent.ProfileUpdated(user, society,
                        "Ravi", "ravi@example.com", "societies/x/PROFILE_PHOTO/a.jpg", NOW))
                .when(new com.gatehouse.api.directory.UserCommand.UpdateProfile(user, null, "", " "))
                .expectEvents(new com.gatehouse.api.directory.UserEvent.ProfileUpdated(user, society, "Ravi", null,
                        null, NOW));
        fixture.given(residentRegistered())
                .when(new com.gatehouse.api.directory.UserCommand.UpdateProfile(user, "Ravi", null, null))
                .expectNoEvents();
        fixture.given(residentRegistered())
                .when(new com.gatehouse.api.directory.UserCommand.UpdateProfile(user, "  ", null, null))
                .expectException(Problem.class)
                .expectNoEvents();
    }
}
