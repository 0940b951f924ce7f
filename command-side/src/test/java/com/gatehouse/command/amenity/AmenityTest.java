package com.gatehouse.command.amenity;

import com.gatehouse.api.amenity.AmenityCommand.ApproveBooking;
import com.gatehouse.api.amenity.AmenityCommand.BookAmenity;
import com.gatehouse.api.amenity.AmenityCommand.CancelBooking;
import com.gatehouse.api.amenity.AmenityCommand.CreateAmenity;
import com.gatehouse.api.amenity.AmenityCommand.DeactivateAmenity;
import com.gatehouse.api.amenity.AmenityEvent.AmenityBooked;
import com.gatehouse.api.amenity.AmenityEvent.AmenityCreated;
import com.gatehouse.api.amenity.AmenityEvent.AmenityDeactivated;
import com.gatehouse.api.amenity.AmenityEvent.BookingApproved;
import com.gatehouse.api.amenity.AmenityEvent.BookingCancelled;
import com.gatehouse.api.amenity.AmenityId;
import com.gatehouse.api.amenity.AmenityTerms;
import com.gatehouse.api.amenity.AmenityType;
import com.gatehouse.api.amenity.BookingId;
import com.gatehouse.api.amenity.BookingStatus;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.command.common.TestClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The booking rules of an amenity, read as given / when / expect. Society time is Asia/Kolkata (UTC+5:30). */
class AmenityTest {

    /** 08:00 in Kolkata on 25 November 2026. */
    static final Instant NOW = Instant.parse("2026-11-25T02:30:00Z");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final AmenityTerms TERMS = new AmenityTerms(20, LocalTime.of(6, 0), LocalTime.of(22, 0), 60, 7, 2,
            new BigDecimal("500"), false);

    final AmenityId clubhouse = AmenityId.random();
    final SocietyId society = SocietyId.random();
    final UserId priya = UserId.random();
    final UserId ravi = UserId.random();
    final UserId admin = UserId.random();
    final FlatId flat = FlatId.random();
    final TestClock clock = TestClock.at(NOW);
    AggregateTestFixture<Amenity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Amenity.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource((SocietyTimeZones) society -> SocietyTimeZones.DEFAULT);
    }

    private AmenityCreated created(AmenityTerms terms) {
        return new AmenityCreated(clubhouse, society, "Clubhouse", AmenityType.CLUBHOUSE, null, terms, NOW);
    }

    private BookAmenity book(BookingId id, UserId who, LocalDate date, int from, int to) {
        return new BookAmenity(clubhouse, society, id, who, flat, date, LocalTime.of(from, 0), LocalTime.of(to, 0), 4,
                "Birthday");
    }

    private AmenityBooked booked(BookingId id, UserId who, LocalDate date, int from, int to, BookingStatus status) {
        return new AmenityBooked(clubhouse, society, id, who, flat, "Clubhouse", date, LocalTime.of(from, 0),
                LocalTime.of(to, 0), date.atTime(from, 0).atZone(KOLKATA).toInstant(),
                date.atTime(to, 0).atZone(KOLKATA).toInstant(), 4, "Birthday", status,
                new BigDecimal("500").multiply(BigDecimal.valueOf(to - from)).setScale(2), NOW);
    }

    @Test
    void anAdminAddsAnAmenityWithSensibleRules() {
        fixture.givenNoPriorActivity()
                .when(new CreateAmenity(clubhouse, society, " Clubhouse ", AmenityType.CLUBHOUSE, " ", TERMS))
                .expectEvents(created(TERMS));
        fixture.givenNoPriorActivity()
                .when(new CreateAmenity(clubhouse, society, "Clubhouse", AmenityType.CLUBHOUSE, null,
                        new AmenityTerms(null, LocalTime.of(22, 0), LocalTime.of(6, 0), 60, 7, 2, BigDecimal.ZERO, false)))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aFreeSlotIsConfirmedAtOnceAndPricedByTheHour() {
        var id = BookingId.random();
        fixture.given(created(TERMS)).when(book(id, priya, TOMORROW, 18, 20))
                .expectEvents(booked(id, priya, TOMORROW, 18, 20, BookingStatus.CONFIRMED));
    }

    @Test
    void anAmenityThatNeedsApprovalHoldsTheSlotAsPending() {
        var terms = new AmenityTerms(20, LocalTime.of(6, 0), LocalTime.of(22, 0), 60, 7, 2, new BigDecimal("500"), true);
        var id = BookingId.random();
        fixture.given(created(terms)).when(book(id, priya, TOMORROW, 18, 20))
                .expectEvents(booked(id, priya, TOMORROW, 18, 20, BookingStatus.PENDING));
        fixture.given(created(terms), booked(id, priya, TOMORROW, 18, 20, BookingStatus.PENDING))
                .when(book(BookingId.random(), ravi, TOMORROW, 19, 21))
                .expectException(Problem.class).expectExceptionMessage("Clubhouse is already booked on 2026-11-26 from 18:00 to 20:00");
    }

    @Test
    void anOverlapWithADifferentStartIsRefused() {
        var first = BookingId.random();
        fixture.given(created(TERMS), booked(first, priya, TOMORROW, 10, 12, BookingStatus.CONFIRMED))
                .when(book(BookingId.random(), ravi, TOMORROW, 11, 12))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void backToBackSlotsAndOtherDatesDoNotOverlap() {
        var first = BookingId.random();
        var next = BookingId.random();
        fixture.given(created(TERMS), booked(first, priya, TOMORROW, 10, 12, BookingStatus.CONFIRMED))
                .when(book(next, ravi, TOMORROW, 12, 13))
                .expectEvents(booked(next, ravi, TOMORROW, 12, 13, BookingStatus.CONFIRMED));
        fixture.given(created(TERMS), booked(first, priya, TOMORROW, 10, 12, BookingStatus.CONFIRMED))
                .when(book(next, ravi, TOMORROW.plusDays(1), 10, 12))
                .expectEvents(booked(next, ravi, TOMORROW.plusDays(1), 10, 12, BookingStatus.CONFIRMED));
    }

    @Test
    void aCancelledBookingFreesItsSlot() {
        var first = BookingId.random();
        var next = BookingId.random();
        fixture.given(created(TERMS), booked(first, priya, TOMORROW, 10, 12, BookingStatus.CONFIRMED),
                        new BookingCancelled(clubhouse, society, first, priya, priya, null, NOW))
                .when(book(next, ravi, TOMORROW, 10, 12))
                .expectEvents(booked(next, ravi, TOMORROW, 10, 12, BookingStatus.CONFIRMED));
    }

    @Test
    void bookingsStayInsideOpeningHoursOnTheSlotGrid() {
        fixture.given(created(TERMS)).when(book(BookingId.random(), priya, TOMORROW, 5, 7))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(created(TERMS)).when(book(BookingId.random(), priya, TOMORROW, 21, 23))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(created(TERMS)).when(new BookAmenity(clubhouse, society, BookingId.random(), priya, flat,
                        TOMORROW, LocalTime.of(10, 30), LocalTime.of(11, 30), 1, null))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(created(TERMS)).when(book(BookingId.random(), priya, TOMORROW, 12, 12))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void bookingsStartInTheFutureWithinTheAdvanceWindowOfTheSocietysDay() {
        // 07:00 today in Kolkata has passed (it is 08:00 there, 02:30 UTC)
        fixture.given(created(TERMS)).when(book(BookingId.random(), priya, TODAY, 7, 8))
                .expectException(Problem.class).expectExceptionMessage("startTime: must be in the future");
        var id = BookingId.random();
        fixture.given(created(TERMS)).when(book(id, priya, TODAY, 9, 10))
                .expectEvents(booked(id, priya, TODAY, 9, 10, BookingStatus.CONFIRMED));
        fixture.given(created(TERMS)).when(book(BookingId.random(), priya, TODAY.plusDays(8), 9, 10))
                .expectException(Problem.class).expectNoEvents();
        var last = BookingId.random();
        fixture.given(created(TERMS)).when(book(last, priya, TODAY.plusDays(7), 9, 10))
                .expectEvents(booked(last, priya, TODAY.plusDays(7), 9, 10, BookingStatus.CONFIRMED));
    }

    @Test
    void aUserHoldsAtMostTheirLimitOfActiveBookings() {
        var a = BookingId.random();
        var b = BookingId.random();
        fixture.given(created(TERMS), booked(a, priya, TOMORROW, 8, 9, BookingStatus.CONFIRMED),
                        booked(b, priya, TOMORROW.plusDays(1), 8, 9, BookingStatus.PENDING))
                .when(book(BookingId.random(), priya, TOMORROW, 10, 11))
                .expectException(Problem.class)
                .expectExceptionMessage("You already hold 2 active bookings of Clubhouse (at most 2)");
        // a cancelled one no longer counts, and another user is not limited by her bookings
        var c = BookingId.random();
        fixture.given(created(TERMS), booked(a, priya, TOMORROW, 8, 9, BookingStatus.CONFIRMED),
                        booked(b, priya, TOMORROW.plusDays(1), 8, 9, BookingStatus.CONFIRMED),
                        new BookingCancelled(clubhouse, society, b, priya, priya, null, NOW))
                .when(book(c, priya, TOMORROW, 10, 11))
                .expectEvents(booked(c, priya, TOMORROW, 10, 11, BookingStatus.CONFIRMED));
    }

    @Test
    void guestsWithinCapacity() {
        fixture.given(created(TERMS)).when(new BookAmenity(clubhouse, society, BookingId.random(), priya, flat, TOMORROW,
                        LocalTime.of(10, 0), LocalTime.of(11, 0), 21, null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aDeactivatedAmenityTakesNoBookings() {
        fixture.given(created(TERMS), new AmenityDeactivated(clubhouse, society, NOW))
                .when(book(BookingId.random(), priya, TOMORROW, 10, 11))
                .expectException(Problem.class).expectExceptionMessage("Clubhouse is not open for booking");
        fixture.given(created(TERMS)).when(new DeactivateAmenity(clubhouse, society))
                .expectEvents(new AmenityDeactivated(clubhouse, society, NOW));
    }

    @Test
    void anotherSocietyFindsNoAmenity() {
        fixture.given(created(TERMS)).when(new BookAmenity(clubhouse, SocietyId.random(), BookingId.random(), priya,
                        flat, TOMORROW, LocalTime.of(10, 0), LocalTime.of(11, 0), 1, null))
                .expectException(Problem.class).expectExceptionMessage("Amenity not found");
    }

    @Test
    void anAdminApprovesOnlyAPendingBooking() {
        var terms = new AmenityTerms(20, LocalTime.of(6, 0), LocalTime.of(22, 0), 60, 7, 2, new BigDecimal("500"), true);
        var id = BookingId.random();
        fixture.given(created(terms), booked(id, priya, TOMORROW, 18, 20, BookingStatus.PENDING))
                .when(new ApproveBooking(clubhouse, society, id, admin))
                .expectEvents(new BookingApproved(clubhouse, society, id, priya, admin, NOW));
        fixture.given(created(terms), booked(id, priya, TOMORROW, 18, 20, BookingStatus.PENDING),
                        new BookingCancelled(clubhouse, society, id, priya, priya, null, NOW))
                .when(new ApproveBooking(clubhouse, society, id, admin))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void theBookerOrAnAdminCancelsNobodyElse() {
        var id = BookingId.random();
        fixture.given(created(TERMS), booked(id, priya, TOMORROW, 18, 20, BookingStatus.CONFIRMED))
                .when(new CancelBooking(clubhouse, society, id, ravi, false, null))
                .expectException(Problem.class).expectExceptionMessage("Booking not found");
        fixture.given(created(TERMS), booked(id, priya, TOMORROW, 18, 20, BookingStatus.CONFIRMED))
                .when(new CancelBooking(clubhouse, society, id, admin, true, "Maintenance"))
                .expectEvents(new BookingCancelled(clubhouse, society, id, priya, admin, "Maintenance", NOW));
    }

    @Test
    void aRetriedBookingChangesNothing() {
        var id = BookingId.random();
        fixture.given(created(TERMS), booked(id, priya, TOMORROW, 18, 20, BookingStatus.CONFIRMED))
                .when(book(id, priya, TOMORROW, 18, 20))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theDaysAreTheSocietysDays() {
        // 12:00 UTC: 17:30 on the 25th in Kolkata, already 02:00 on the 26th in Kiritimati (UTC+14)
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));
        var sameDayOnly = new AmenityTerms(null, LocalTime.of(6, 0), LocalTime.of(22, 0), 60, 0, 2, BigDecimal.ZERO, false);
        var id = BookingId.random();
        var kiritimati = new AggregateTestFixture<>(Amenity.class);
        kiritimati.registerInjectableResource(clock);
        kiritimati.registerInjectableResource((SocietyTimeZones) s -> ZoneId.of("Pacific/Kiritimati"));
        kiritimati.given(created(sameDayOnly)).when(book(id, priya, TOMORROW, 10, 11)).expectSuccessfulHandlerExecution()
                .expectEvents(new AmenityBooked(clubhouse, society, id, priya, flat, "Clubhouse", TOMORROW,
                        LocalTime.of(10, 0), LocalTime.of(11, 0), Instant.parse("2026-11-25T20:00:00Z"),
                        Instant.parse("2026-11-25T21:00:00Z"), 4, "Birthday", BookingStatus.CONFIRMED,
                        new BigDecimal("0.00"), Instant.parse("2026-11-25T12:00:00Z")));
        // the same booking in a society of Kolkata is a day too far ahead
        fixture.given(created(sameDayOnly)).when(book(BookingId.random(), priya, TOMORROW, 10, 11))
                .expectException(Problem.class).expectNoEvents();
    }
}
