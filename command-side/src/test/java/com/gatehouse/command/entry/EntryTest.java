package com.gatehouse.command.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryCommand.AdmitEntry;
import com.gatehouse.api.entry.EntryCommand.CheckOutEntry;
import com.gatehouse.api.entry.EntryEvent.EntryAdmitted;
import com.gatehouse.api.entry.EntryEvent.EntryCheckedOut;
import com.gatehouse.api.entry.EntryEvent.EntryOverstayed;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.ProviderTag;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.IgnoreField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.gatehouse.command.entry.FixtureSupport.OVERSTAY;
import static com.gatehouse.command.entry.FixtureSupport.T0;
import static com.gatehouse.command.entry.FixtureSupport.problem;

class EntryTest {

    static final SocietyId SOCIETY = SocietyId.random();
    static final FlatId FLAT = FlatId.random();
    static final UserId GUARD = UserId.random();
    static final UserId OTHER_GUARD = UserId.random();
    static final UserId RESIDENT = UserId.random();

    private final EntryRequestId request = new EntryRequestId(UUID.randomUUID());
    private final EntryId id = EntryId.admittedBy(request);
    private AggregateTestFixture<Entry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Entry.class);
        FixtureSupport.registerResources(fixture, Map.of(), (society, key) -> false);
        fixture.registerFieldFilter(new IgnoreField(EntryAdmitted.class, "overstayScheduleId"));
    }

    private AdmitEntry admit(EntryType type) {
        return new AdmitEntry(id, request, SOCIETY, FLAT, type, null, null,
                type == EntryType.DELIVERY ? ProviderTag.ZOMATO : null, null, GUARD, RESIDENT);
    }

    private EntryAdmitted admitted(EntryType type) {
        boolean watched = EntryType.WATCHED_FOR_OVERSTAY.contains(type);
        return new EntryAdmitted(id, request, SOCIETY, FLAT, type, null, null,
                type == EntryType.DELIVERY ? ProviderTag.ZOMATO : null, null, GUARD, RESIDENT, T0,
                watched ? T0.plus(OVERSTAY) : null, null);
    }

    @ParameterizedTest
    @EnumSource(value = EntryType.class, names = {"DELIVERY", "CAB", "SERVICE"})
    void shortVisitsAreWatchedForOverstay(EntryType type) {
        fixture.givenCurrentTime(T0)
                .when(admit(type))
                .expectEvents(admitted(type))
                .expectScheduledDeadlineWithName(OVERSTAY, Entry.OVERSTAY);
    }

    @ParameterizedTest
    @EnumSource(value = EntryType.class, names = {"VISITOR", "OTHER"})
    void guestsMayStayAsLongAsTheyLike(EntryType type) {
        fixture.givenCurrentTime(T0)
                .when(admit(type))
                .expectEvents(admitted(type))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aGuardChecksTheVisitorOutAndTheOverstayWatchEnds() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(admit(EntryType.DELIVERY))
                .when(new CheckOutEntry(id, OTHER_GUARD, SOCIETY))
                .expectEvents(new EntryCheckedOut(id, SOCIETY, FLAT, OTHER_GUARD, T0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSecondCheckoutIsAConflict() {
        fixture.given(admitted(EntryType.VISITOR), new EntryCheckedOut(id, SOCIETY, FLAT, GUARD, T0))
                .when(new CheckOutEntry(id, GUARD, SOCIETY))
                .expectException(problem(Problem.Kind.CONFLICT, "already checked out"))
                .expectNoEvents();
    }

    @Test
    void aGuardOfAnotherSocietyDoesNotSeeTheEntry() {
        fixture.given(admitted(EntryType.VISITOR))
                .when(new CheckOutEntry(id, GUARD, SocietyId.random()))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Entry"))
                .expectNoEvents();
    }

    @Test
    void aDeliveryStillInsideAfterTheAllowedTimeOverstaysOnce() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(admit(EntryType.DELIVERY))
                .whenTimeElapses(OVERSTAY.plusMinutes(90))
                .expectTriggeredDeadlinesWithName(Entry.OVERSTAY)
                .expectEvents(new EntryOverstayed(id, request, SOCIETY, FLAT, EntryType.DELIVERY, null, ProviderTag.ZOMATO, T0,
                        T0.plus(OVERSTAY)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anOverstayedEntryCanStillBeCheckedOut() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(admit(EntryType.CAB))
                .andGiven(new EntryOverstayed(id, request, SOCIETY, FLAT, EntryType.CAB, null, null, T0, T0.plus(OVERSTAY)))
                .when(new CheckOutEntry(id, GUARD, SOCIETY))
                .expectEvents(new EntryCheckedOut(id, SOCIETY, FLAT, GUARD, T0));
    }

    @Test
    void aRepeatedOverstayDeadlineAlertsNoMore() {
        // the overstay is given directly, so the deadline still fires: it must find nothing to do
        fixture.givenCurrentTime(T0)
                .andGivenCommands(admit(EntryType.SERVICE))
                .andGiven(new EntryOverstayed(id, request, SOCIETY, FLAT, EntryType.SERVICE, null, null, T0, T0))
                .whenTimeElapses(OVERSTAY)
                .expectTriggeredDeadlinesWithName(Entry.OVERSTAY)
                .expectNoEvents();
    }

    @Test
    void aCheckedOutEntryNeverOverstays() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(admit(EntryType.DELIVERY), new CheckOutEntry(id, GUARD, SOCIETY))
                .whenTimeElapses(OVERSTAY.plus(Duration.ofHours(1)))
                .expectNoEvents();
    }
}
