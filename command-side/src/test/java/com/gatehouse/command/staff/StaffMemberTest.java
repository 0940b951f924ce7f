package com.gatehouse.command.staff;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.staff.AttendanceAction;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedOut;
import com.gatehouse.api.staff.AttendanceId;
import com.gatehouse.api.staff.CheckMethod;
import com.gatehouse.api.staff.StaffCommand.AssignStaffToFlat;
import com.gatehouse.api.staff.StaffCommand.CheckInStaff;
import com.gatehouse.api.staff.StaffCommand.CheckOutStaff;
import com.gatehouse.api.staff.StaffCommand.DeactivateStaff;
import com.gatehouse.api.staff.StaffCommand.RegisterStaff;
import com.gatehouse.api.staff.StaffCommand.RotateStaffCard;
import com.gatehouse.api.staff.StaffCommand.ScanStaffCard;
import com.gatehouse.api.staff.StaffCommand.UnassignStaffFromFlat;
import com.gatehouse.api.staff.StaffCommand.UpdateStaff;
import com.gatehouse.api.staff.StaffEvent.StaffAssignedToFlat;
import com.gatehouse.api.staff.StaffEvent.StaffCardRotated;
import com.gatehouse.api.staff.StaffEvent.StaffDeactivated;
import com.gatehouse.api.staff.StaffEvent.StaffRegistered;
import com.gatehouse.api.staff.StaffEvent.StaffUnassignedFromFlat;
import com.gatehouse.api.staff.StaffEvent.StaffUpdated;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.api.staff.StaffType;
import com.gatehouse.api.staff.StaffViews.AttendanceOutcome;
import com.gatehouse.command.common.TestClock;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/** The rules of a staff member and their visits, read as given / when / expect. */
class StaffMemberTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static final StaffSettings SETTINGS = new StaffSettings(Duration.ofHours(16), Duration.ofMinutes(1));

    final StaffId staff = new StaffId(UUID.randomUUID());
    final SocietyId society = SocietyId.random();
    final SocietyId otherSociety = SocietyId.random();
    final FlatId flatA = FlatId.random();
    final FlatId flatB = FlatId.random();
    final FlatId flatC = FlatId.random();
    final UserId guard = UserId.random();
    final DirectoryLookup lookup = mock(DirectoryLookup.class);
    final TestClock clock = TestClock.at(NOW);
    AggregateTestFixture<StaffMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffMember.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(lookup);
        fixture.registerInjectableResource(SETTINGS);
        doThrow(Problem.notFound("Flat")).when(lookup).requireFlatInSociety(any(), any());
        for (FlatId flat : List.of(flatA, flatB, flatC)) {
            doNothing().when(lookup).requireFlatInSociety(eq(flat), eq(society));
        }
    }

    // --- registration and management -------------------------------------------------------------

    private StaffRegistered registered(FlatId... flats) {
        return new StaffRegistered(staff, society, "Lakshmi", "9800000001", StaffType.MAID, List.of(flats), null, 1, NOW);
    }

    @Test
    void anAdminRegistersAMaidForThreeFlats() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaff(staff, society, null, " Lakshmi ", "9800000001", StaffType.MAID,
                        List.of(flatA, flatB, flatC, flatA), null))
                .expectEvents(registered(flatA, flatB, flatC));
    }

    @Test
    void aResidentRegistersStaffForTheirOwnFlatOnly() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaff(staff, society, flatA, "Lakshmi", "9800000001", StaffType.MAID,
                        List.of(flatA), null))
                .expectEvents(registered(flatA));
        fixture.givenNoPriorActivity()
                .when(new RegisterStaff(staff, society, flatA, "Lakshmi", "9800000001", StaffType.MAID,
                        List.of(flatA, flatB), null))
                .expectException(Problem.class).expectExceptionMessage("Flat not found").expectNoEvents();
    }

    @Test
    void staffWorkForAtLeastOneFlatOfTheSociety() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaff(staff, society, null, "Lakshmi", "9800000001", StaffType.MAID, List.of(), null))
                .expectException(Problem.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterStaff(staff, society, null, "Lakshmi", "9800000001", StaffType.MAID,
                        List.of(FlatId.random()), null))
                .expectException(Problem.class).expectExceptionMessage("Flat not found").expectNoEvents();
    }

    @Test
    void detailsChangeAndAnUnchangedUpdateChangesNothing() {
        fixture.given(registered(flatA))
                .when(new UpdateStaff(staff, society, flatA, "Lakshmi Devi", null, StaffType.COOK, "key.jpg"))
                .expectEvents(new StaffUpdated(staff, society, "Lakshmi Devi", "9800000001", StaffType.COOK, "key.jpg", NOW));
        fixture.given(registered(flatA))
                .when(new UpdateStaff(staff, society, null, "Lakshmi", "9800000001", null, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aResidentCannotSeeOrManageStaffOfAnotherFlat() {
        fixture.given(registered(flatB))
                .when(new UpdateStaff(staff, society, flatA, "Someone", null, null, null))
                .expectException(Problem.class).expectExceptionMessage("Staff member not found").expectNoEvents();
        fixture.given(registered(flatB))
                .when(new RotateStaffCard(staff, society, flatA))
                .expectExceptionMessage("Staff member not found").expectNoEvents();
        fixture.given(registered(flatB))
                .when(new DeactivateStaff(staff, society, flatA))
                .expectExceptionMessage("Staff member not found").expectNoEvents();
    }

    @Test
    void anotherSocietySeesNoStaffMember() {
        fixture.given(registered(flatA))
                .when(new UpdateStaff(staff, otherSociety, null, "Someone", null, null, null))
                .expectExceptionMessage("Staff member not found").expectNoEvents();
    }

    @Test
    void flatsAreAssignedAndUnassignedButTheLastOneStays() {
        fixture.given(registered(flatA))
                .when(new AssignStaffToFlat(staff, society, flatB))
                .expectEvents(new StaffAssignedToFlat(staff, society, flatB, NOW));
        fixture.given(registered(flatA, flatB))
                .when(new UnassignStaffFromFlat(staff, society, flatA, flatA))
                .expectEvents(new StaffUnassignedFromFlat(staff, society, flatA, NOW));
        fixture.given(registered(flatA, flatB))
                .when(new UnassignStaffFromFlat(staff, society, flatA, flatB))
                .expectExceptionMessage("Flat of this staff member not found").expectNoEvents();
        fixture.given(registered(flatA))
                .when(new UnassignStaffFromFlat(staff, society, null, flatA))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aResidentDeactivatesOnlyStaffWorkingForTheirFlatAlone() {
        fixture.given(registered(flatA))
                .when(new DeactivateStaff(staff, society, flatA))
                .expectEvents(new StaffDeactivated(staff, society, NOW));
        fixture.given(registered(flatA, flatB))
                .when(new DeactivateStaff(staff, society, flatA))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(registered(flatA, flatB), new StaffDeactivated(staff, society, NOW))
                .when(new DeactivateStaff(staff, society, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void rotatingTheCardIssuesTheNextVersion() {
        fixture.given(registered(flatA), new StaffCardRotated(staff, society, 2, NOW))
                .when(new RotateStaffCard(staff, society, null))
                .expectEvents(new StaffCardRotated(staff, society, 3, NOW))
                .expectResultMessagePayload(3);
    }

    // --- attendance -------------------------------------------------------------------------------

    private UUID request() {
        return UUID.randomUUID();
    }

    private StaffCheckedIn checkedIn(UUID request, CheckMethod method, Instant at, FlatId... flats) {
        return new StaffCheckedIn(new AttendanceId(request), staff, society, "Lakshmi", StaffType.MAID, List.of(flats),
                guard, method, request, at, at.plus(SETTINGS.autoCheckoutAfter()), "schedule");
    }

    private StaffCheckedOut checkedOut(UUID checkInRequest, UUID request, CheckMethod method, Instant in, Instant out,
                                       long minutes, Boolean workCompleted, FlatId... flats) {
        return new StaffCheckedOut(new AttendanceId(checkInRequest), staff, society, "Lakshmi", StaffType.MAID,
                List.of(flats), method == CheckMethod.AUTO ? null : guard, method, request, in, out, minutes,
                workCompleted);
    }

    @Test
    void aScanChecksInAStaffMemberWhoIsOutAndSchedulesTheAutoCheckout() {
        UUID scan = request();
        fixture.givenCurrentTime(NOW).andGiven(registered(flatA, flatB, flatC))
                .when(new ScanStaffCard(staff, society, guard, 1, scan))
                .expectEventsMatching(events(checkedIn(scan, CheckMethod.SCAN, NOW, flatA, flatB, flatC)))
                .expectResultMessagePayload(new AttendanceOutcome(AttendanceAction.CHECK_IN, new AttendanceId(scan)))
                .expectScheduledDeadlineWithName(NOW.plus(Duration.ofHours(16)), StaffMember.AUTO_CHECKOUT);
    }

    @Test
    void aScanTwoHoursLaterChecksOutWithTheDurationAndCancelsTheAutoCheckout() {
        UUID in = request();
        UUID out = request();
        var checkedIn = fixture.givenCurrentTime(NOW).andGiven(registered(flatA))
                .andGivenCommands(new ScanStaffCard(staff, society, guard, 1, in));
        clock.set(NOW.plus(Duration.ofMinutes(120)));
        checkedIn.when(new ScanStaffCard(staff, society, guard, 1, out))
                .expectEvents(checkedOut(in, out, CheckMethod.SCAN, NOW, NOW.plus(Duration.ofMinutes(120)), 120, null, flatA))
                .expectResultMessagePayload(new AttendanceOutcome(AttendanceAction.CHECK_OUT, new AttendanceId(in)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSecondScanWithinTheRepeatWindowIsRefusedSoTwoGuardsMakeOneCheckIn() {
        UUID first = request();
        var checkedIn = fixture.givenCurrentTime(NOW).andGiven(registered(flatA))
                .andGivenCommands(new ScanStaffCard(staff, society, guard, 1, first));
        clock.set(NOW.plusSeconds(3));
        checkedIn.when(new ScanStaffCard(staff, society, UserId.random(), 1, request()))
                .expectException(Problem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("was checked in 3 s ago"))
                .expectNoEvents();
    }

    @Test
    void aRetriedRequestAnswersItsFirstOutcomeAndChangesNothing() {
        UUID scan = request();
        var checkedIn = fixture.givenCurrentTime(NOW).andGiven(registered(flatA))
                .andGivenCommands(new ScanStaffCard(staff, society, guard, 1, scan));
        clock.set(NOW.plusSeconds(2));
        checkedIn.when(new ScanStaffCard(staff, society, guard, 1, scan))
                .expectSuccessfulHandlerExecution().expectNoEvents()
                .expectResultMessagePayload(new AttendanceOutcome(AttendanceAction.CHECK_IN, new AttendanceId(scan)));
    }

    @Test
    void aStaffMemberWhoIsInCannotBeCheckedInAgain() {
        UUID in = request();
        fixture.given(registered(flatA), checkedIn(in, CheckMethod.SCAN, NOW, flatA))
                .when(new CheckInStaff(staff, society, guard, request()))
                .expectException(Problem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already checked in"))
                .expectNoEvents();
    }

    @Test
    void aStaffMemberWhoIsOutCannotBeCheckedOut() {
        fixture.given(registered(flatA))
                .when(new CheckOutStaff(staff, society, guard, true, request()))
                .expectException(Problem.class).expectExceptionMessage("Lakshmi is not checked in").expectNoEvents();
        UUID in = request();
        fixture.given(registered(flatA), checkedIn(in, CheckMethod.SCAN, NOW, flatA),
                        checkedOut(in, request(), CheckMethod.SCAN, NOW, NOW, 0, null, flatA))
                .when(new CheckOutStaff(staff, society, guard, true, request()))
                .expectExceptionMessage("Lakshmi is not checked in").expectNoEvents();
    }

    @Test
    void aGuardChecksOutByHandRecordingTheWork() {
        UUID in = request();
        UUID out = request();
        var checkedIn = fixture.givenCurrentTime(NOW).andGiven(registered(flatA))
                .andGivenCommands(new CheckInStaff(staff, society, guard, in));
        clock.set(NOW.plusSeconds(59));
        checkedIn.when(new CheckOutStaff(staff, society, guard, true, out))
                .expectEvents(checkedOut(in, out, CheckMethod.MANUAL, NOW, NOW.plusSeconds(59), 0, true, flatA));
    }

    @Test
    void aDeactivatedStaffMembersCardIsRefusedButTheyCanStillLeave() {
        UUID in = request();
        fixture.given(registered(flatA), new StaffDeactivated(staff, society, NOW))
                .when(new ScanStaffCard(staff, society, guard, 1, request()))
                .expectException(Problem.class)
                .expectExceptionMessage("This card is no longer valid: Lakshmi was deactivated").expectNoEvents();
        fixture.given(registered(flatA), new StaffDeactivated(staff, society, NOW))
                .when(new CheckInStaff(staff, society, guard, request()))
                .expectException(Problem.class).expectNoEvents();
        UUID out = request();
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        fixture.given(registered(flatA), checkedIn(in, CheckMethod.SCAN, NOW, flatA),
                        new StaffDeactivated(staff, society, NOW))
                .when(new CheckOutStaff(staff, society, guard, null, out))
                .expectEvents(checkedOut(in, out, CheckMethod.MANUAL, NOW, NOW.plus(Duration.ofMinutes(5)), 5, null, flatA));
    }

    @Test
    void aRevokedCardIsRefused() {
        fixture.given(registered(flatA), new StaffCardRotated(staff, society, 2, NOW))
                .when(new ScanStaffCard(staff, society, guard, 1, request()))
                .expectException(Problem.class)
                .expectExceptionMessage("This card was revoked: a newer card was issued to Lakshmi").expectNoEvents();
    }

    @Test
    void aGuardOfAnotherSocietyIsRefused() {
        fixture.given(registered(flatA))
                .when(new ScanStaffCard(staff, otherSociety, guard, 1, request()))
                .expectExceptionMessage("Staff member not found").expectNoEvents();
    }

    @Test
    void aVisitNobodyClosesIsClosedAutomaticallyAfterSixteenHours() {
        UUID in = request();
        Instant due = NOW.plus(Duration.ofHours(16));
        fixture.givenCurrentTime(NOW).andGiven(registered(flatA, flatB))
                .andGivenCommands(new CheckInStaff(staff, society, guard, in))
                .whenTimeElapses(Duration.ofHours(16))
                .expectDeadlinesMetMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.equalTo(new StaffMember.AutoCheckout(new AttendanceId(in))), Matchers.andNoMore())))
                .expectEvents(checkedOut(in, null, CheckMethod.AUTO, NOW, due, 960, null, flatA, flatB));
    }

    @Test
    void theAutoCheckoutOfAVisitAlreadyClosedChangesNothing() {
        UUID first = request();
        UUID second = request();
        fixture.givenCurrentTime(NOW).andGiven(registered(flatA))
                .andGivenCommands(new CheckInStaff(staff, society, guard, first))
                // closed without cancelling its deadline (as when the deadline fires while the check-out commits)
                .andGiven(checkedOut(first, request(), CheckMethod.SCAN, NOW, NOW.plusSeconds(600), 10, null, flatA))
                .andGivenCommands(new CheckInStaff(staff, society, guard, second))
                .whenTimeAdvancesTo(NOW.plus(Duration.ofHours(17)))
                .expectDeadlinesMetMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.equalTo(new StaffMember.AutoCheckout(new AttendanceId(first))),
                        Matchers.equalTo(new StaffMember.AutoCheckout(new AttendanceId(second))), Matchers.andNoMore())))
                .expectEvents(checkedOut(second, null, CheckMethod.AUTO, NOW, NOW.plus(Duration.ofHours(16)), 960, null,
                        flatA));
    }

    @Test
    void durationsAreWholeMinutesRoundedDownAndNeverNegative() {
        org.assertj.core.api.Assertions.assertThat(Attendance.minutesBetween(NOW, NOW.plusSeconds(7259))).isEqualTo(120);
        org.assertj.core.api.Assertions.assertThat(Attendance.minutesBetween(NOW, NOW.plusSeconds(7200))).isEqualTo(120);
        org.assertj.core.api.Assertions.assertThat(Attendance.minutesBetween(NOW, NOW.plusSeconds(59))).isZero();
        org.assertj.core.api.Assertions.assertThat(Attendance.minutesBetween(NOW, NOW.minusSeconds(30))).isZero();
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** The expected events, ignoring the deadline schedule id (the deadline manager makes it up). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<List<EventMessage<?>>> events(Object... expected) {
        Matcher[] each = Arrays.stream(expected)
                .map(e -> Matchers.matches(actual -> withoutSchedule(actual).equals(withoutSchedule(e))))
                .toArray(Matcher[]::new);
        Matcher[] all = Arrays.copyOf(each, each.length + 1);
        all[each.length] = Matchers.andNoMore();
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(all));
    }

    private static Object withoutSchedule(Object event) {
        if (event instanceof StaffCheckedIn in) {
            return new StaffCheckedIn(in.attendanceId(), in.staffId(), in.societyId(), in.staffName(), in.staffType(),
                    in.flatIds(), in.guardId(), in.method(), in.requestId(), in.checkInTime(), in.autoCheckoutAt(), null);
        }
        return event;
    }
}
