package com.gatehouse.command.staff;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceId;
import com.gatehouse.api.staff.CheckMethod;
import com.gatehouse.api.staff.StaffAvailability;
import com.gatehouse.api.staff.StaffCommand.AcceptStaffBooking;
import com.gatehouse.api.staff.StaffCommand.BookStaff;
import com.gatehouse.api.staff.StaffCommand.CancelStaffBooking;
import com.gatehouse.api.staff.StaffCommand.CompleteStaffBooking;
import com.gatehouse.api.staff.StaffCommand.HideStaffReview;
import com.gatehouse.api.staff.StaffCommand.RejectStaffBooking;
import com.gatehouse.api.staff.StaffCommand.ReviewStaff;
import com.gatehouse.api.staff.StaffCommand.RevokeStaffVerification;
import com.gatehouse.api.staff.StaffCommand.SetStaffAvailability;
import com.gatehouse.api.staff.StaffCommand.UpdateStaffProfile;
import com.gatehouse.api.staff.StaffCommand.VerifyStaff;
import com.gatehouse.api.staff.StaffEvent.StaffAvailabilityChanged;
import com.gatehouse.api.staff.StaffEvent.StaffBooked;
import com.gatehouse.api.staff.StaffEvent.StaffBookingAccepted;
import com.gatehouse.api.staff.StaffEvent.StaffBookingCancelled;
import com.gatehouse.api.staff.StaffEvent.StaffBookingCompleted;
import com.gatehouse.api.staff.StaffEvent.StaffBookingRejected;
import com.gatehouse.api.staff.StaffEvent.StaffDeactivated;
import com.gatehouse.api.staff.StaffEvent.StaffProfileUpdated;
import com.gatehouse.api.staff.StaffEvent.StaffRegistered;
import com.gatehouse.api.staff.StaffEvent.StaffReviewHidden;
import com.gatehouse.api.staff.StaffEvent.StaffReviewed;
import com.gatehouse.api.staff.StaffEvent.StaffVerificationRevoked;
import com.gatehouse.api.staff.StaffEvent.StaffVerified;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.api.staff.StaffProfile;
import com.gatehouse.api.staff.StaffType;
import com.gatehouse.command.common.TestClock;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/** Profile, verification, availability, bookings and reviews of a staff member, read as given / when / expect. */
class StaffBookingAndReviewTest {

    /** 10:00 in Kolkata on 1 December 2026. */
    static final Instant NOW = Instant.parse("2026-12-01T04:30:00Z");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final LocalDate TOMORROW = LocalDate.of(2026, 12, 2);
    static final StaffSettings SETTINGS = new StaffSettings(Duration.ofHours(16), Duration.ofMinutes(1));

    final StaffId staff = new StaffId(UUID.randomUUID());
    final SocietyId society = SocietyId.random();
    final FlatId flatA = FlatId.random();
    final FlatId flatB = FlatId.random();
    final UserId admin = UserId.random();
    final UserId resident = UserId.random();
    final DirectoryLookup lookup = mock(DirectoryLookup.class);
    final SocietyTimeZones zones = id -> KOLKATA;
    final TestClock clock = TestClock.at(NOW);
    AggregateTestFixture<StaffMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffMember.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(lookup);
        fixture.registerInjectableResource(SETTINGS);
        fixture.registerInjectableResource(zones);
        doThrow(Problem.notFound("Flat")).when(lookup).requireFlatInSociety(any(), any());
        for (FlatId flat : List.of(flatA, flatB)) {
            doNothing().when(lookup).requireFlatInSociety(eq(flat), eq(society));
        }
    }

    StaffRegistered registered() {
        return new StaffRegistered(staff, society, "Lakshmi", "9800000001", StaffType.MAID, List.of(flatA), null, 1,
                NOW.minusSeconds(3600));
    }

    BookStaff book(UUID booking, FlatId flat, String from, String to) {
        return new BookStaff(staff, society, booking, resident, flat, TOMORROW, LocalTime.parse(from),
                LocalTime.parse(to), "Deep cleaning", null);
    }

    StaffBooked booked(UUID booking, FlatId flat, String from, String to) {
        return new StaffBooked(staff, society, booking, resident, flat, TOMORROW, LocalTime.parse(from),
                LocalTime.parse(to), TOMORROW.atTime(LocalTime.parse(from)).atZone(KOLKATA).toInstant(),
                TOMORROW.atTime(LocalTime.parse(to)).atZone(KOLKATA).toInstant(), "Deep cleaning", null, NOW);
    }

    // --- profile, verification, availability -----------------------------------------------------

    @Test
    void aProfileIsKeptTrimmedAndAnUnchangedOneChangesNothing() {
        var given = new StaffProfile(List.of(" Hindi ", "hindi", "Marathi"), 6, "AADHAAR", " 1234 5678 9012 ",
                "Baner, Pune", "Ravi", "9800000002", null);
        var kept = new StaffProfile(List.of("Hindi", "Marathi"), 6, "AADHAAR", "1234 5678 9012", "Baner, Pune",
                "Ravi", "9800000002", null);
        fixture.given(registered())
                .when(new UpdateStaffProfile(staff, society, null, given))
                .expectEvents(new StaffProfileUpdated(staff, society, kept, NOW));
        fixture.given(registered(), new StaffProfileUpdated(staff, society, kept, NOW))
                .when(new UpdateStaffProfile(staff, society, flatA, given))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anIdNumberNeedsItsTypeAndExperienceIsSane() {
        fixture.given(registered())
                .when(new UpdateStaffProfile(staff, society, null,
                        new StaffProfile(null, 3, null, "X123", null, null, null, null)))
                .expectException(Problem.class).expectExceptionMessage("idProofType: is required with idProofNumber");
        fixture.given(registered())
                .when(new UpdateStaffProfile(staff, society, null, new StaffProfile(null, 99, null, null, null, null, null, null)))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aResidentOfAnotherFlatCannotTouchTheProfile() {
        fixture.given(registered())
                .when(new UpdateStaffProfile(staff, society, flatB, StaffProfile.EMPTY))
                .expectException(Problem.class).expectExceptionMessage("Staff member not found");
    }

    @Test
    void verifyingTwiceVerifiesOnceAndRevokingTakesTheBadgeAway() {
        fixture.given(registered())
                .when(new VerifyStaff(staff, society, admin))
                .expectEvents(new StaffVerified(staff, society, admin, NOW));
        fixture.given(registered(), new StaffVerified(staff, society, admin, NOW))
                .when(new VerifyStaff(staff, society, admin))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered(), new StaffVerified(staff, society, admin, NOW))
                .when(new RevokeStaffVerification(staff, society, admin))
                .expectEvents(new StaffVerificationRevoked(staff, society, admin, NOW));
    }

    @Test
    void onlyAvailableAndOnLeaveAreSetByHand() {
        fixture.given(registered())
                .when(new SetStaffAvailability(staff, society, flatA, StaffAvailability.ON_LEAVE))
                .expectEvents(new StaffAvailabilityChanged(staff, society, StaffAvailability.ON_LEAVE, NOW));
        fixture.given(registered())
                .when(new SetStaffAvailability(staff, society, null, StaffAvailability.BUSY))
                .expectException(Problem.class).expectNoEvents();
    }

    // --- bookings ---------------------------------------------------------------------------------

    @Test
    void aSlotIsBookedInTheSocietysTimeZone() {
        UUID booking = UUID.randomUUID();
        fixture.given(registered())
                .when(book(booking, flatB, "09:00", "11:00"))
                .expectEvents(booked(booking, flatB, "09:00", "11:00"));
    }

    @Test
    void anOverlappingSlotIsRefusedButOneThatTouchesIsNot() {
        UUID first = UUID.randomUUID();
        fixture.given(registered(), booked(first, flatA, "09:00", "11:00"))
                .when(book(UUID.randomUUID(), flatB, "10:30", "12:00"))
                .expectException(Problem.class)
                .expectExceptionMessage("Lakshmi is not available at this time: booked from 09:00 to 11:00")
                .expectNoEvents();
        UUID second = UUID.randomUUID();
        fixture.given(registered(), booked(first, flatA, "09:00", "11:00"))
                .when(book(second, flatB, "11:00", "12:00"))
                .expectEvents(booked(second, flatB, "11:00", "12:00"));
    }

    @Test
    void aRejectedOrCancelledBookingFreesItsSlot() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        fixture.given(registered(), booked(first, flatA, "09:00", "11:00"),
                        new StaffBookingRejected(staff, society, first, flatA, admin, "unwell", NOW))
                .when(book(second, flatB, "09:00", "11:00"))
                .expectEvents(booked(second, flatB, "09:00", "11:00"));
        fixture.given(registered(), booked(first, flatA, "09:00", "11:00"),
                        new StaffBookingCancelled(staff, society, first, flatA, resident, NOW))
                .when(book(second, flatB, "10:00", "10:30"))
                .expectEvents(booked(second, flatB, "10:00", "10:30"));
    }

    @Test
    void aSlotInThePastOrBackwardsOrTooFarAheadIsRefused() {
        fixture.given(registered())
                .when(new BookStaff(staff, society, UUID.randomUUID(), resident, flatA, LocalDate.of(2026, 12, 1),
                        LocalTime.of(9, 0), LocalTime.of(11, 0), "Cooking", null))
                .expectException(Problem.class).expectExceptionMessage("startTime: must be in the future");
        fixture.given(registered())
                .when(book(UUID.randomUUID(), flatA, "11:00", "09:00"))
                .expectException(Problem.class).expectExceptionMessage("endTime: must be after startTime (HH:MM, the same day)");
        fixture.given(registered())
                .when(new BookStaff(staff, society, UUID.randomUUID(), resident, flatA, TOMORROW.plusDays(120),
                        LocalTime.of(9, 0), LocalTime.of(11, 0), "Cooking", null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void staffOnLeaveOrDeactivatedCannotBeBookedAndAFlatOfAnotherSocietyIsNotFound() {
        fixture.given(registered(), new StaffAvailabilityChanged(staff, society, StaffAvailability.ON_LEAVE, NOW))
                .when(book(UUID.randomUUID(), flatA, "09:00", "11:00"))
                .expectException(Problem.class).expectExceptionMessage("Lakshmi is on leave and cannot be booked");
        fixture.given(registered(), new StaffDeactivated(staff, society, NOW))
                .when(book(UUID.randomUUID(), flatA, "09:00", "11:00"))
                .expectException(Problem.class).expectExceptionMessage("Lakshmi is deactivated and cannot be booked");
        fixture.given(registered())
                .when(book(UUID.randomUUID(), FlatId.random(), "09:00", "11:00"))
                .expectException(Problem.class).expectExceptionMessage("Flat not found");
    }

    @Test
    void aBookingIsAcceptedOnceThenCompletedWithItsActualDurationAndCost() {
        UUID booking = UUID.randomUUID();
        fixture.given(registered(), booked(booking, flatB, "09:00", "11:00"))
                .when(new AcceptStaffBooking(staff, society, booking, admin))
                .expectEvents(new StaffBookingAccepted(staff, society, booking, flatB, admin, NOW));
        fixture.given(registered(), booked(booking, flatB, "09:00", "11:00"),
                        new StaffBookingAccepted(staff, society, booking, flatB, admin, NOW))
                .when(new RejectStaffBooking(staff, society, booking, admin, "late"))
                .expectException(Problem.class)
                .expectExceptionMessage("This booking is CONFIRMED: only a PENDING booking can be rejected");
        fixture.given(registered(), booked(booking, flatB, "09:00", "11:00"),
                        new StaffBookingAccepted(staff, society, booking, flatB, admin, NOW))
                .when(new CompleteStaffBooking(staff, society, flatB, booking, resident, 130, new BigDecimal("650")))
                .expectEvents(new StaffBookingCompleted(staff, society, booking, flatB, resident, 130,
                        new BigDecimal("650"), NOW));
        fixture.given(registered(), booked(booking, flatB, "09:00", "11:00"))
                .when(new CompleteStaffBooking(staff, society, flatB, booking, resident, 130, null))
                .expectException(Problem.class)
                .expectExceptionMessage("This booking is PENDING: only a CONFIRMED booking can be completed");
    }

    @Test
    void anotherFlatsBookingIsNotFoundToAResident() {
        UUID booking = UUID.randomUUID();
        fixture.given(registered(), booked(booking, flatB, "09:00", "11:00"))
                .when(new CancelStaffBooking(staff, society, flatA, booking, resident))
                .expectException(Problem.class).expectExceptionMessage("Booking not found");
        fixture.given(registered(), booked(booking, flatB, "09:00", "11:00"))
                .when(new CancelStaffBooking(staff, SocietyId.random(), null, booking, admin))
                .expectException(Problem.class).expectExceptionMessage("Booking not found");
    }

    // --- reviews ----------------------------------------------------------------------------------

    @Test
    void aResidentOfAFlatSheWorksForReviewsOncePerMonth() {
        UUID review = UUID.randomUUID();
        fixture.given(registered())
                .when(new ReviewStaff(staff, society, review, resident, flatA, 5, 4, null, 5, " Very careful "))
                .expectEvents(new StaffReviewed(staff, society, review, resident, flatA, "2026-12", 5, 4, null, 5,
                        "Very careful", NOW));
        fixture.given(registered(), new StaffReviewed(staff, society, review, resident, flatA, "2026-12", 5, 4, null,
                        5, "Very careful", NOW))
                .when(new ReviewStaff(staff, society, UUID.randomUUID(), resident, flatA, 2, null, null, null, null))
                .expectException(Problem.class)
                .expectExceptionMessage("You have already reviewed Lakshmi this month (2026-12)");
    }

    @Test
    void aMonthIsTheSocietysCalendarMonth() {
        // 19:00 UTC on 30 November is already 1 December in Kolkata
        clock.set(Instant.parse("2026-11-30T19:00:00Z"));
        UUID review = UUID.randomUUID();
        fixture.given(registered())
                .when(new ReviewStaff(staff, society, review, resident, flatA, 4, null, null, null, null))
                .expectEvents(new StaffReviewed(staff, society, review, resident, flatA, "2026-12", 4, null, null,
                        null, null, Instant.parse("2026-11-30T19:00:00Z")));
    }

    @Test
    void aFlatSheNeverWorkedForCannotReviewAndRatingsAreOneToFive() {
        fixture.given(registered())
                .when(new ReviewStaff(staff, society, UUID.randomUUID(), resident, flatB, 5, null, null, null, null))
                .expectException(Problem.class).expectExceptionMessage("Staff member not found");
        fixture.given(registered())
                .when(new ReviewStaff(staff, society, UUID.randomUUID(), resident, flatA, 6, null, null, null, null))
                .expectException(Problem.class).expectExceptionMessage("rating: must be from 1 to 5");
        fixture.given(registered())
                .when(new ReviewStaff(staff, society, UUID.randomUUID(), resident, flatA, 4, 0, null, null, null))
                .expectException(Problem.class).expectExceptionMessage("quality: must be from 1 to 5");
    }

    @Test
    void aFlatThatCompletedABookingMayReview() {
        UUID booking = UUID.randomUUID();
        UUID review = UUID.randomUUID();
        fixture.given(registered(), booked(booking, flatB, "09:00", "11:00"),
                        new StaffBookingAccepted(staff, society, booking, flatB, admin, NOW),
                        new StaffBookingCompleted(staff, society, booking, flatB, resident, 120, null, NOW))
                .when(new ReviewStaff(staff, society, review, resident, flatB, 3, null, null, null, null))
                .expectEvents(new StaffReviewed(staff, society, review, resident, flatB, "2026-12", 3, null, null,
                        null, null, NOW));
    }

    @Test
    void anAdminHidesAReviewWithAReasonOnce() {
        UUID review = UUID.randomUUID();
        var reviewed = new StaffReviewed(staff, society, review, resident, flatA, "2026-12", 1, null, null, null,
                "abusive words", NOW);
        fixture.given(registered(), reviewed)
                .when(new HideStaffReview(staff, society, review, admin, "abusive"))
                .expectEvents(new StaffReviewHidden(staff, society, review, admin, "abusive", NOW));
        fixture.given(registered(), reviewed, new StaffReviewHidden(staff, society, review, admin, "abusive", NOW))
                .when(new HideStaffReview(staff, society, review, admin, "abusive"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered(), reviewed)
                .when(new HideStaffReview(staff, society, review, admin, " "))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void checkingInDoesNotChangeTheChosenAvailability() {
        // BUSY is derived from the open visit by the read model; the aggregate keeps what a person set
        fixture.given(registered(), new StaffCheckedIn(new AttendanceId(UUID.randomUUID()), staff, society, "Lakshmi",
                        StaffType.MAID, List.of(flatA), UserId.random(), CheckMethod.SCAN, UUID.randomUUID(), NOW,
                        NOW.plusSeconds(3600), "s1"))
                .when(new SetStaffAvailability(staff, society, null, StaffAvailability.AVAILABLE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
