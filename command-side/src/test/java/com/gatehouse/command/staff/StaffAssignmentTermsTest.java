package com.gatehouse.command.staff;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.staff.AssignmentTerms;
import com.gatehouse.api.staff.RateType;
import com.gatehouse.api.staff.StaffCommand.SetAssignmentTerms;
import com.gatehouse.api.staff.StaffEvent.StaffAssignedToFlat;
import com.gatehouse.api.staff.StaffEvent.StaffAssignmentTermsSet;
import com.gatehouse.api.staff.StaffEvent.StaffDeactivated;
import com.gatehouse.api.staff.StaffEvent.StaffRegistered;
import com.gatehouse.api.staff.StaffEvent.StaffUnassignedFromFlat;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.api.staff.StaffType;
import com.gatehouse.command.common.TestClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;

/** What a flat agreed with a staff member who works for it, read as given / when / expect. */
class StaffAssignmentTermsTest {

    static final Instant NOW = Instant.parse("2026-12-01T04:30:00Z");

    final StaffId staff = new StaffId(UUID.randomUUID());
    final SocietyId society = SocietyId.random();
    final FlatId flatA = FlatId.random();
    final FlatId flatB = FlatId.random();
    final UserId resident = UserId.random();
    AggregateTestFixture<StaffMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffMember.class);
        fixture.registerInjectableResource(TestClock.at(NOW));
        fixture.registerInjectableResource(new StaffSettings(Duration.ofHours(16), Duration.ofMinutes(1)));
    }

    StaffRegistered registered() {
        return new StaffRegistered(staff, society, "Lakshmi", "9800000001", StaffType.MAID, List.of(flatA, flatB), null,
                1, NOW.minusSeconds(3600));
    }

    static AssignmentTerms terms(List<DayOfWeek> days, String from, String to, String rate, RateType type) {
        return new AssignmentTerms(days, from == null ? null : LocalTime.parse(from), to == null ? null : LocalTime.parse(to),
                rate == null ? null : new BigDecimal(rate), type);
    }

    SetAssignmentTerms set(FlatId residentFlat, FlatId flat, AssignmentTerms terms) {
        return new SetAssignmentTerms(staff, society, residentFlat, flat, terms, resident);
    }

    @Test
    void aResidentSetsTheirFlatsTermsInWeekOrderWithoutRepeats() {
        fixture.given(registered())
                .when(set(flatA, flatA, terms(List.of(FRIDAY, MONDAY, FRIDAY, WEDNESDAY), "07:00", "09:00", "4500.00",
                        RateType.MONTHLY)))
                .expectEvents(new StaffAssignmentTermsSet(staff, society, flatA, terms(List.of(MONDAY, WEDNESDAY, FRIDAY),
                        "07:00", "09:00", "4500.00", RateType.MONTHLY), resident, NOW));
    }

    @Test
    void theSameTermsAgainChangeNothing() {
        var agreed = terms(List.of(MONDAY), "07:00", "09:00", "4500.00", RateType.MONTHLY);
        fixture.given(registered(), new StaffAssignmentTermsSet(staff, society, flatA, agreed, resident, NOW))
                .when(set(null, flatA, terms(List.of(MONDAY), "07:00", "09:00", "4500", RateType.MONTHLY)))
                .expectNoEvents();
    }

    @Test
    void aResidentCannotSetAnotherFlatsTerms() {
        fixture.given(registered())
                .when(set(flatA, flatB, AssignmentTerms.NONE))
                .expectException(Problem.class).expectExceptionMessage("Flat of this staff member not found");
    }

    @Test
    void aFlatTheStaffMemberNoLongerWorksForHasNoTerms() {
        fixture.given(registered(), new StaffUnassignedFromFlat(staff, society, flatB, NOW))
                .when(set(null, flatB, terms(List.of(MONDAY), null, null, null, null)))
                .expectException(Problem.class).expectExceptionMessage("Flat of this staff member not found");
    }

    @Test
    void termsOfAFlatRemovedAndAddedAgainStartAfresh() {
        var agreed = terms(List.of(MONDAY), null, null, null, null);
        fixture.given(registered(), new StaffAssignmentTermsSet(staff, society, flatB, agreed, resident, NOW),
                        new StaffUnassignedFromFlat(staff, society, flatB, NOW),
                        new StaffAssignedToFlat(staff, society, flatB, NOW))
                .when(set(null, flatB, agreed))
                .expectEvents(new StaffAssignmentTermsSet(staff, society, flatB, agreed, resident, NOW));
    }

    @Test
    void termsWithoutDaysAreTermsAllTheSame() {
        fixture.given(registered())
                .when(set(null, flatA, new AssignmentTerms(null, null, null, new BigDecimal("150"), RateType.PER_VISIT)))
                .expectEvents(new StaffAssignmentTermsSet(staff, society, flatA, terms(List.of(), null, null, "150.00",
                        RateType.PER_VISIT), resident, NOW));
    }

    @Test
    void hoursComeTogether() {
        fixture.given(registered()).when(set(null, flatA, terms(List.of(), "09:00", null, null, null)))
                .expectException(Problem.class).expectExceptionMessage("endTime: give both startTime and endTime");
    }

    @Test
    void hoursStartBeforeTheyEnd() {
        fixture.given(registered()).when(set(null, flatA, terms(List.of(), "09:00", "08:00", null, null)))
                .expectException(Problem.class).expectExceptionMessage("endTime: must be after startTime");
    }

    @Test
    void aRateComesWithItsType() {
        fixture.given(registered()).when(set(null, flatA, terms(List.of(), null, null, "500", null)))
                .expectException(Problem.class).expectExceptionMessage("rateType: give both agreedRate and rateType");
    }

    @Test
    void aRateIsNotNegative() {
        fixture.given(registered()).when(set(null, flatA, terms(List.of(), null, null, "-1", RateType.DAILY)))
                .expectException(Problem.class).expectExceptionMessage("agreedRate: must not be negative");
    }

    @Test
    void aDeactivatedStaffMembersTermsAreNotChanged() {
        fixture.given(registered(), new StaffDeactivated(staff, society, NOW))
                .when(set(null, flatA, AssignmentTerms.NONE))
                .expectException(Problem.class).expectExceptionMessage("Lakshmi is deactivated");
    }
}
