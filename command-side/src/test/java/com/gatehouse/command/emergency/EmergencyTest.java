package com.gatehouse.command.emergency;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.emergency.EmergencyCommand.MarkEmergencyFalseAlarm;
import com.gatehouse.api.emergency.EmergencyCommand.RaiseEmergency;
import com.gatehouse.api.emergency.EmergencyCommand.ResolveEmergency;
import com.gatehouse.api.emergency.EmergencyCommand.RespondToEmergency;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyEscalated;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyMarkedFalseAlarm;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyRaised;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyResolved;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyResponded;
import com.gatehouse.api.emergency.EmergencyId;
import com.gatehouse.api.emergency.EmergencyType;
import com.gatehouse.command.common.TestClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.IgnoreField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.gatehouse.command.common.Problems.problem;

class EmergencyTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration AFTER = Duration.ofMinutes(1);
    static final SocietyId SOCIETY = SocietyId.random();
    static final SocietyId OTHER_SOCIETY = SocietyId.random();
    static final UserId RESIDENT = UserId.random();
    static final UserId GUARD = UserId.random();
    static final UserId SECOND_GUARD = UserId.random();
    static final UserId ADMIN = UserId.random();
    static final FlatId FLAT = FlatId.random();

    private final EmergencyId id = new EmergencyId(UUID.randomUUID());
    private AggregateTestFixture<Emergency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Emergency.class);
        fixture.registerInjectableResource(TestClock.following(fixture::currentTime));
        fixture.registerInjectableResource(new EmergencySettings(AFTER));
        fixture.registerFieldFilter(new IgnoreField(EmergencyRaised.class, "escalationScheduleId"));
        fixture.registerFieldFilter(new IgnoreField(EmergencyEscalated.class, "nextScheduleId"));
    }

    private RaiseEmergency raise() {
        return new RaiseEmergency(id, SOCIETY, RESIDENT, "Ravi", FLAT, "A", "101", EmergencyType.MEDICAL,
                "  Father collapsed  ", "Lift lobby");
    }

    private EmergencyRaised raised() {
        return new EmergencyRaised(id, SOCIETY, RESIDENT, "Ravi", FLAT, "A", "101", EmergencyType.MEDICAL,
                "Father collapsed", "Lift lobby", T0, T0.plus(AFTER), "schedule");
    }

    private RespondToEmergency respond(UserId by) {
        return new RespondToEmergency(id, SOCIETY, by, "Gopal");
    }

    @Test
    void aResidentRaisesAnSosThatEscalatesWhenNobodyResponds() {
        fixture.givenCurrentTime(T0)
                .when(raise())
                .expectEvents(raised())
                .expectScheduledDeadlineWithName(AFTER, Emergency.ESCALATION);
    }

    @Test
    void anSosNeedsAType() {
        fixture.givenCurrentTime(T0)
                .when(new RaiseEmergency(id, SOCIETY, RESIDENT, "Ravi", FLAT, "A", "101", null, null, null))
                .expectException(problem(Problem.Kind.INVALID, "type"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theFirstResponseWinsAndStopsTheEscalation() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise())
                .when(respond(GUARD))
                .expectEvents(new EmergencyResponded(id, SOCIETY, GUARD, "Gopal", T0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aLaterResponseIsRefusedNamingWhoResponded() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(), respond(GUARD))
                .when(new RespondToEmergency(id, SOCIETY, SECOND_GUARD, "Lata"))
                .expectException(problem(Problem.Kind.CONFLICT, "already responded to by Gopal"))
                .expectNoEvents();
    }

    @Test
    void anotherSocietysEmergencyDoesNotExistForTheCaller() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise())
                .when(new RespondToEmergency(id, OTHER_SOCIETY, GUARD, "Gopal"))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Emergency"))
                .expectNoEvents();
    }

    @Test
    void nobodyRespondingEscalatesAfterTheConfiguredTimeAndWaitsAgain() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise())
                .whenTimeElapses(AFTER)
                .expectTriggeredDeadlinesWithName(Emergency.ESCALATION)
                .expectEvents(new EmergencyEscalated(id, SOCIETY, 1, T0.plus(AFTER), T0.plus(AFTER.multipliedBy(2)), "s"))
                .expectScheduledDeadlineWithName(AFTER, Emergency.ESCALATION);
    }

    @Test
    void itEscalatesAtMostThreeTimes() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise())
                .whenTimeElapses(AFTER.multipliedBy(10))
                .expectEvents(
                        new EmergencyEscalated(id, SOCIETY, 1, T0.plus(AFTER), T0.plus(AFTER.multipliedBy(2)), "s"),
                        new EmergencyEscalated(id, SOCIETY, 2, T0.plus(AFTER.multipliedBy(2)),
                                T0.plus(AFTER.multipliedBy(3)), "s"),
                        new EmergencyEscalated(id, SOCIETY, 3, T0.plus(AFTER.multipliedBy(3)), null, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aResponseAfterAnEscalationIsStillTheFirstResponse() {
        fixture.givenCurrentTime(T0.plus(AFTER))
                .andGiven(raised(), new EmergencyEscalated(id, SOCIETY, 1, T0.plus(AFTER), T0.plus(AFTER.multipliedBy(2)),
                        "next"))
                .when(respond(GUARD))
                .expectEvents(new EmergencyResponded(id, SOCIETY, GUARD, "Gopal", T0.plus(AFTER)));
    }

    @Test
    void anEscalationThatLostTheRaceToAResponseDoesNothing() {
        // the response is given as an event, so the deadline stays scheduled and fires anyway
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise())
                .andGiven(new EmergencyResponded(id, SOCIETY, GUARD, "Gopal", T0))
                .whenTimeElapses(AFTER)
                .expectTriggeredDeadlinesWithName(Emergency.ESCALATION)
                .expectNoEvents();
    }

    @Test
    void anAdminResolvesWithNotesAndNothingEscalates() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise())
                .when(new ResolveEmergency(id, SOCIETY, ADMIN, " Ambulance took him to the hospital "))
                .expectEvents(new EmergencyResolved(id, SOCIETY, ADMIN, "Ambulance took him to the hospital", T0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anAdminMarksAFalseAlarmAfterAResponse() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(), respond(GUARD))
                .when(new MarkEmergencyFalseAlarm(id, SOCIETY, ADMIN, "Pressed by a child"))
                .expectEvents(new EmergencyMarkedFalseAlarm(id, SOCIETY, ADMIN, "Pressed by a child", T0));
    }

    @Test
    void aResolvedEmergencyRefusesResponses() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(), new ResolveEmergency(id, SOCIETY, ADMIN, null))
                .when(respond(GUARD))
                .expectException(problem(Problem.Kind.CONFLICT, "already RESOLVED"));
    }

    @Test
    void aFalseAlarmCannotBeResolvedLater() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(), new MarkEmergencyFalseAlarm(id, SOCIETY, ADMIN, null))
                .when(new ResolveEmergency(id, SOCIETY, ADMIN, "late"))
                .expectException(problem(Problem.Kind.CONFLICT, "already FALSE_ALARM"));
    }
}
