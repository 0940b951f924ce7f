package com.gatehouse.command.preapproval;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryEvent.EntryAdmitted;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.preapproval.PreApprovalCommand.CancelPreApproval;
import com.gatehouse.api.preapproval.PreApprovalCommand.CreatePreApproval;
import com.gatehouse.api.preapproval.PreApprovalCommand.ScanPreApproval;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalCancelled;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalCreated;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalExpired;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalUsed;
import com.gatehouse.api.preapproval.PreApprovalId;
import com.gatehouse.api.preapproval.VisitorType;
import com.gatehouse.command.common.TestClock;
import com.gatehouse.command.directory.DirectoryLookup;
import com.gatehouse.command.entry.EntryRequestSettings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.IgnoreField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.gatehouse.command.entry.FixtureSupport.EXPIRY;
import static com.gatehouse.command.entry.FixtureSupport.GUARD_ALERT_AFTER;
import static com.gatehouse.command.entry.FixtureSupport.OVERSTAY;
import static com.gatehouse.command.entry.FixtureSupport.REMIND_AFTER;
import static com.gatehouse.command.entry.FixtureSupport.T0;
import static com.gatehouse.command.entry.FixtureSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;

class PreApprovalTest {

    static final SocietyId SOCIETY = SocietyId.random();
    static final SocietyId OTHER_SOCIETY = SocietyId.random();
    static final FlatId FLAT = FlatId.random();
    static final FlatId NEIGHBOUR = FlatId.random();
    static final FlatId FOREIGN_FLAT = FlatId.random();
    static final UserId RESIDENT = UserId.random();
    static final UserId GUARD = UserId.random();
    static final Instant FROM = T0.plus(Duration.ofHours(1));
    static final Instant UNTIL = T0.plus(Duration.ofHours(5));
    static final String CODE = "123456";

    private final PreApprovalId id = new PreApprovalId(UUID.randomUUID());
    private final Set<PreApprovalId> released = new HashSet<>();
    private AggregateTestFixture<PreApproval> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PreApproval.class);
        Map<FlatId, SocietyId> flats = Map.of(FLAT, SOCIETY, NEIGHBOUR, SOCIETY, FOREIGN_FLAT, OTHER_SOCIETY);
        fixture.registerInjectableResource(TestClock.following(fixture::currentTime));
        fixture.registerInjectableResource(new EntryRequestSettings(EXPIRY, OVERSTAY, REMIND_AFTER, GUARD_ALERT_AFTER));
        fixture.registerInjectableResource(new DirectoryLookup(null) {
            @Override
            public Optional<SocietyId> societyOfFlat(FlatId flat) {
                return Optional.ofNullable(flats.get(flat));
            }
        });
        fixture.registerInjectableResource(new PreApprovalCodes(null) {
            @Override
            String allocate(PreApprovalId preApproval, SocietyId society) {
                return CODE;
            }

            @Override
            void release(PreApprovalId preApproval) {
                released.add(preApproval);
            }
        });
        fixture.registerFieldFilter(new IgnoreField(PreApprovalCreated.class, "expiryScheduleId"));
        fixture.registerFieldFilter(new IgnoreField(EntryAdmitted.class, "overstayScheduleId"));
    }

    private CreatePreApproval create(FlatId flat, Instant from, Instant until, int maxUses) {
        return new CreatePreApproval(id, SOCIETY, flat, RESIDENT, " Asha ", "9876543210", VisitorType.GUEST,
                "Dinner", null, from, until, maxUses);
    }

    private PreApprovalCreated created(int maxUses) {
        return new PreApprovalCreated(id, SOCIETY, FLAT, RESIDENT, "Asha", "9876543210", VisitorType.GUEST, "Dinner",
                null, FROM, UNTIL, maxUses, CODE, T0, "schedule");
    }

    private ScanPreApproval scan(EntryId entry) {
        return new ScanPreApproval(id, SOCIETY, GUARD, entry);
    }

    private PreApprovalUsed used(EntryId entry, int count, int maxUses, Instant at) {
        return new PreApprovalUsed(id, SOCIETY, FLAT, entry, GUARD, "Asha", count, maxUses, at);
    }

    private EntryAdmitted admitted(EntryId entry, Instant at) {
        return new EntryAdmitted(entry, null, SOCIETY, FLAT, EntryType.VISITOR, "Asha", "9876543210", null, null,
                GUARD, RESIDENT, at, null, null, id.value(), PreApproval.REASON, null, null);
    }

    private static EntryId newEntry() {
        return new EntryId(UUID.randomUUID());
    }

    @Test
    void aResidentPreApprovesAGuestWithACodeAndAnExpiryAtValidUntil() {
        fixture.givenCurrentTime(T0)
                .when(create(FLAT, FROM, UNTIL, 2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(2))
                .expectScheduledDeadlineWithName(Duration.between(T0, UNTIL), PreApproval.EXPIRY);
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrIsOverIsRefused() {
        fixture.givenCurrentTime(T0).when(create(FLAT, UNTIL, FROM, 1))
                .expectException(problem(Problem.Kind.INVALID, "validUntil")).expectNoEvents().expectNoScheduledDeadlines();
        fixture.givenCurrentTime(T0).when(create(FLAT, T0.minusSeconds(7200), T0.minusSeconds(60), 1))
                .expectException(problem(Problem.Kind.INVALID, "future")).expectNoEvents();
        fixture.givenCurrentTime(T0).when(create(FLAT, T0, T0.plus(Duration.ofDays(91)), 1))
                .expectException(problem(Problem.Kind.INVALID, "90 days")).expectNoEvents();
    }

    @Test
    void maxUsesMustBeBetweenOneAndAHundred() {
        fixture.givenCurrentTime(T0).when(create(FLAT, FROM, UNTIL, 0))
                .expectException(problem(Problem.Kind.INVALID, "maxUses")).expectNoEvents();
        fixture.givenCurrentTime(T0).when(create(FLAT, FROM, UNTIL, 101))
                .expectException(problem(Problem.Kind.INVALID, "maxUses")).expectNoEvents();
    }

    @Test
    void aFlatOfAnotherSocietyIsNotFound() {
        fixture.givenCurrentTime(T0).when(create(FOREIGN_FLAT, FROM, UNTIL, 1))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Flat")).expectNoEvents().expectNoScheduledDeadlines();
    }

    @Test
    void aScanInsideTheWindowAdmitsTheGuestAsAPreApprovedEntry() {
        EntryId entry = newEntry();
        Instant at = FROM.plusSeconds(60);
        fixture.given(created(2))
                .andGivenCurrentTime(at)
                .when(scan(entry))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1)
                .expectEvents(used(entry, 1, 2, at), admitted(entry, at));
        assertThat(released).as("uses remain: the code still admits").isEmpty();
    }

    @Test
    void theLastUseEndsItReleasesTheCodeAndCancelsTheExpiry() {
        EntryId first = newEntry();
        EntryId second = newEntry();
        Instant at = FROM.plusSeconds(60);
        fixture.givenCurrentTime(at)
                .andGivenCommands(create(FLAT, FROM, UNTIL, 2), scan(first))
                .when(scan(second))
                .expectResultMessagePayload(2)
                .expectEvents(used(second, 2, 2, at), admitted(second, at))
                .expectNoScheduledDeadlines();
        assertThat(released).containsExactly(id);
    }

    @Test
    void aScanAfterTheLastUseIsAConflictAndAdmitsNobody() {
        fixture.given(created(1), used(newEntry(), 1, 1, FROM))
                .andGivenCurrentTime(FROM.plusSeconds(5))
                .when(scan(newEntry()))
                .expectException(problem(Problem.Kind.CONFLICT, "maximum uses"))
                .expectNoEvents();
    }

    @Test
    void aScanBeforeValidFromIsAConflict() {
        fixture.given(created(1))
                .andGivenCurrentTime(FROM.minusSeconds(1))
                .when(scan(newEntry()))
                .expectException(problem(Problem.Kind.CONFLICT, "not valid yet"))
                .expectNoEvents();
    }

    @Test
    void aScanAtValidUntilIsAConflictEvenBeforeTheDeadlineFired() {
        fixture.given(created(1))
                .andGivenCurrentTime(UNTIL)
                .when(scan(newEntry()))
                .expectException(problem(Problem.Kind.CONFLICT, "expired"))
                .expectNoEvents();
    }

    @Test
    void aGuardOfAnotherSocietyFindsNoSuchPreApproval() {
        fixture.given(created(1))
                .andGivenCurrentTime(FROM)
                .when(new ScanPreApproval(id, OTHER_SOCIETY, GUARD, newEntry()))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Pre-approval"))
                .expectNoEvents();
    }

    @Test
    void aResidentOfTheFlatCancelsAndTheCodeStopsAdmitting() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(create(FLAT, FROM, UNTIL, 1))
                .when(new CancelPreApproval(id, RESIDENT, FLAT))
                .expectEvents(new PreApprovalCancelled(id, SOCIETY, FLAT, RESIDENT, T0))
                .expectNoScheduledDeadlines();
        assertThat(released).containsExactly(id);
    }

    @Test
    void aResidentOfAnotherFlatCannotCancel() {
        fixture.given(created(1))
                .when(new CancelPreApproval(id, UserId.random(), NEIGHBOUR))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Pre-approval"))
                .expectNoEvents();
    }

    @Test
    void aCancelledPreApprovalRefusesScansAndASecondCancel() {
        fixture.given(created(1), new PreApprovalCancelled(id, SOCIETY, FLAT, RESIDENT, T0))
                .andGivenCurrentTime(FROM)
                .when(scan(newEntry()))
                .expectException(problem(Problem.Kind.CONFLICT, "cancelled"))
                .expectNoEvents();
        fixture.given(created(1), new PreApprovalCancelled(id, SOCIETY, FLAT, RESIDENT, T0))
                .when(new CancelPreApproval(id, RESIDENT, FLAT))
                .expectException(problem(Problem.Kind.CONFLICT, "CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void itExpiresWhenItsDeadlineFiresWithUsesLeft() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(create(FLAT, FROM, UNTIL, 3))
                .whenTimeElapses(Duration.between(T0, UNTIL))
                .expectTriggeredDeadlinesWithName(PreApproval.EXPIRY)
                .expectEvents(new PreApprovalExpired(id, SOCIETY, FLAT, UNTIL));
        assertThat(released).containsExactly(id);
    }

    @Test
    void anExpiredPreApprovalRefusesScans() {
        fixture.given(created(1), new PreApprovalExpired(id, SOCIETY, FLAT, UNTIL))
                .andGivenCurrentTime(UNTIL.plusSeconds(1))
                .when(scan(newEntry()))
                .expectException(problem(Problem.Kind.CONFLICT, "expired"))
                .expectNoEvents();
    }

    @Test
    void visitorTypesMapToTheGateLogsKinds() {
        assertThat(PreApproval.entryTypeOf(VisitorType.DELIVERY_PERSON)).isEqualTo(EntryType.DELIVERY);
        assertThat(PreApproval.entryTypeOf(VisitorType.CAB_DRIVER)).isEqualTo(EntryType.CAB);
        assertThat(PreApproval.entryTypeOf(VisitorType.FRIEND)).isEqualTo(EntryType.VISITOR);
    }
}
