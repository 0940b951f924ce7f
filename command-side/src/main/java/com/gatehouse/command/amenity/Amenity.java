package com.gatehouse.command.amenity;

import com.gatehouse.api.amenity.AmenityCommand.ApproveBooking;
import com.gatehouse.api.amenity.AmenityCommand.BookAmenity;
import com.gatehouse.api.amenity.AmenityCommand.CancelBooking;
import com.gatehouse.api.amenity.AmenityCommand.CreateAmenity;
import com.gatehouse.api.amenity.AmenityCommand.DeactivateAmenity;
import com.gatehouse.api.amenity.AmenityCommand.UpdateAmenity;
import com.gatehouse.api.amenity.AmenityEvent.AmenityBooked;
import com.gatehouse.api.amenity.AmenityEvent.AmenityCreated;
import com.gatehouse.api.amenity.AmenityEvent.AmenityDeactivated;
import com.gatehouse.api.amenity.AmenityEvent.AmenityUpdated;
import com.gatehouse.api.amenity.AmenityEvent.BookingApproved;
import com.gatehouse.api.amenity.AmenityEvent.BookingCancelled;
import com.gatehouse.api.amenity.AmenityId;
import com.gatehouse.api.amenity.AmenityTerms;
import com.gatehouse.api.amenity.AmenityType;
import com.gatehouse.api.amenity.BookingId;
import com.gatehouse.api.amenity.BookingStatus;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.SocietyTimeZones;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static com.gatehouse.api.common.Texts.required;
import static com.gatehouse.api.common.Texts.blankToNull;

/**
 * An amenity of a society, and the one place where its bookings are decided. A booking must lie on the slot grid
 * inside opening hours, on a date from today to the advance window (in the society's time zone, see
 * {@link SocietyTimeZones}), start in the future, fit the capacity, keep the booker within their limit of active
 * bookings, and overlap no PENDING or CONFIRMED booking of the amenity ({@code start < other.end && end >
 * other.start}).
 * <p>
 * Why the amenity and not a booking, or an amenity-and-date: the overlap rule and the per-user limit are both
 * about the amenity's active bookings, and the limit spans dates. Deciding both in one aggregate makes them true
 * by construction: Axon runs one command at a time per aggregate (and the event store's unique (aggregate,
 * sequence) refuses a second writer on another instance), so of ten residents booking one slot at once exactly
 * one is accepted and the others see the slot taken (409). The cost: all bookings of one amenity queue behind
 * each other (a few milliseconds each: a society's clubhouse gets a handful per minute at its busiest), and the
 * amenity's history grows with every booking (loaded on each command; kept small enough by the society's pace,
 * a snapshot would bound it). Different amenities never wait for each other.
 */
@Aggregate
public class Amenity {

    /** One booking as the amenity remembers it: enough to decide overlaps, limits and transitions. */
    record Booking(UserId userId, LocalDate date, LocalTime start, LocalTime end, Instant endsAt, BookingStatus status) {
        Booking with(BookingStatus newStatus) {
            return new Booking(userId, date, start, end, endsAt, newStatus);
        }

        boolean overlaps(LocalDate otherDate, LocalTime otherStart, LocalTime otherEnd) {
            return status.holdsSlot() && date.equals(otherDate) && otherStart.isBefore(end) && otherEnd.isAfter(start);
        }
    }

    @AggregateIdentifier
    private AmenityId id;
    private SocietyId society;
    private String name;
    private AmenityType type;
    private String description;
    private AmenityTerms terms;
    private boolean active;
    private final Map<BookingId, Booking> bookings = new HashMap<>();

    protected Amenity() {
    }

    @CommandHandler
    public Amenity(CreateAmenity cmd, Clock clock) {
        apply(new AmenityCreated(cmd.amenityId(), cmd.societyId(), required("name", cmd.name()),
                Objects.requireNonNull(cmd.type(), "type"), blankToNull(cmd.description()), valid(cmd.terms()),
                now(clock)));
    }

    @CommandHandler
    public void handle(UpdateAmenity cmd, Clock clock) {
        requireSociety(cmd.societyId());
        String newName = required("name", cmd.name());
        AmenityTerms newTerms = valid(cmd.terms());
        String newDescription = blankToNull(cmd.description());
        if (newName.equals(name) && cmd.type() == type && Objects.equals(newDescription, description)
                && newTerms.equals(terms)) {
            return;
        }
        apply(new AmenityUpdated(id, society, newName, Objects.requireNonNull(cmd.type(), "type"), newDescription,
                newTerms, now(clock)));
    }

    @CommandHandler
    public void handle(DeactivateAmenity cmd, Clock clock) {
        requireSociety(cmd.societyId());
        if (active) {
            apply(new AmenityDeactivated(id, society, now(clock)));
        }
    }

    @CommandHandler
    public void handle(BookAmenity cmd, Clock clock, SocietyTimeZones zones) {
        requireSociety(cmd.societyId());
        if (bookings.containsKey(cmd.bookingId())) {
            return; // a retried request (same Idempotency-Key): the first booking stands
        }
        if (!active) {
            throw Problem.conflict(name + " is not open for booking");
        }
        LocalDate date = Objects.requireNonNull(cmd.date(), "date");
        LocalTime start = Objects.requireNonNull(cmd.startTime(), "startTime");
        LocalTime end = Objects.requireNonNull(cmd.endTime(), "endTime");
        if (!start.isBefore(end)) {
            throw Problem.invalid("endTime", "must be after startTime");
        }
        if (start.isBefore(terms.openTime()) || end.isAfter(terms.closeTime())) {
            throw Problem.invalid("startTime", name + " is open from " + terms.openTime() + " to " + terms.closeTime());
        }
        if (!onGrid(start) || !onGrid(end)) {
            throw Problem.invalid("startTime", "bookings are whole slots of " + terms.slotMinutes()
                    + " minutes from " + terms.openTime());
        }
        ZoneId zone = zones.zoneOf(society.value());
        Instant now = now(clock);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (date.isAfter(today.plusDays(terms.advanceBookingDays()))) {
            throw Problem.invalid("date", name + " can be booked at most " + terms.advanceBookingDays()
                    + " days ahead (until " + today.plusDays(terms.advanceBookingDays()) + ")");
        }
        Instant startsAt = date.atTime(start).atZone(zone).toInstant();
        Instant endsAt = date.atTime(end).atZone(zone).toInstant();
        if (!startsAt.isAfter(now)) {
            throw Problem.invalid("startTime", "must be in the future");
        }
        int guests = cmd.guestCount() == null ? 1 : cmd.guestCount();
        if (guests < 1 || (terms.capacity() != null && guests > terms.capacity())) {
            throw Problem.invalid("guestCount", "must be between 1 and " + (terms.capacity() == null ? "any"
                    : terms.capacity()));
        }
        long held = bookings.values().stream()
                .filter(b -> b.userId().equals(cmd.userId()) && b.status().holdsSlot() && b.endsAt().isAfter(now))
                .count();
        if (held >= terms.maxBookingsPerUser()) {
            throw Problem.conflict("You already hold " + held + " active booking" + (held == 1 ? "" : "s")
                    + " of " + name + " (at most " + terms.maxBookingsPerUser() + ")");
        }
        for (Booking other : bookings.values()) {
            if (other.overlaps(date, start, end)) {
                throw Problem.conflict(name + " is already booked on " + date + " from " + other.start() + " to "
                        + other.end());
            }
        }
        BigDecimal amount = terms.pricePerHour().multiply(BigDecimal.valueOf(Duration.between(start, end).toMinutes()))
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        apply(new AmenityBooked(id, society, cmd.bookingId(), cmd.userId(), cmd.flatId(), name, date, start, end,
                startsAt, endsAt, guests, blankToNull(cmd.purpose()),
                terms.requiresApproval() ? BookingStatus.PENDING : BookingStatus.CONFIRMED, amount, now));
    }

    @CommandHandler
    public void handle(ApproveBooking cmd, Clock clock) {
        requireSociety(cmd.societyId());
        Booking booking = booking(cmd.bookingId());
        if (booking.status() == BookingStatus.CONFIRMED) {
            return;
        }
        if (booking.status() != BookingStatus.PENDING) {
            throw Problem.conflict("This booking is " + booking.status() + " and cannot be approved");
        }
        apply(new BookingApproved(id, society, cmd.bookingId(), booking.userId(), cmd.by(), now(clock)));
    }

    @CommandHandler
    public void handle(CancelBooking cmd, Clock clock) {
        requireSociety(cmd.societyId());
        Booking booking = booking(cmd.bookingId());
        if (!cmd.byAdmin() && !booking.userId().equals(cmd.by())) {
            throw Problem.notFound("Booking");
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            return;
        }
        apply(new BookingCancelled(id, society, cmd.bookingId(), booking.userId(), cmd.by(),
                blankToNull(cmd.reason()), now(clock)));
    }

    private Booking booking(BookingId bookingId) {
        Booking booking = bookings.get(bookingId);
        if (booking == null) {
            throw Problem.notFound("Booking");
        }
        return booking;
    }

    private boolean onGrid(LocalTime time) {
        return Duration.between(terms.openTime(), time).toMinutes() % terms.slotMinutes() == 0;
    }

    /** The rules must make sense together: a slot fits the opening hours, limits are positive, prices not negative. */
    static AmenityTerms valid(AmenityTerms terms) {
        Objects.requireNonNull(terms, "terms");
        if (terms.openTime() == null || terms.closeTime() == null || !terms.openTime().isBefore(terms.closeTime())) {
            throw Problem.invalid("closeTime", "must be after openTime");
        }
        if (terms.slotMinutes() < 15 || terms.slotMinutes() > 24 * 60) {
            throw Problem.invalid("bookingDuration", "must be between 15 and 1440 minutes");
        }
        if (Duration.between(terms.openTime(), terms.closeTime()).toMinutes() < terms.slotMinutes()) {
            throw Problem.invalid("bookingDuration", "must fit between openTime and closeTime");
        }
        if (terms.advanceBookingDays() < 0 || terms.advanceBookingDays() > 365) {
            throw Problem.invalid("advanceBookingDays", "must be between 0 and 365");
        }
        if (terms.maxBookingsPerUser() < 1) {
            throw Problem.invalid("maxBookingsPerUser", "must be 1 or more");
        }
        if (terms.capacity() != null && terms.capacity() < 1) {
            throw Problem.invalid("capacity", "must be 1 or more");
        }
        if (terms.pricePerHour() == null || terms.pricePerHour().signum() < 0) {
            throw Problem.invalid("pricePerHour", "must not be negative");
        }
        return terms;
    }

    private void requireSociety(SocietyId callerSociety) {
        if (!society.equals(callerSociety)) {
            throw Problem.notFound("Amenity");
        }
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @EventSourcingHandler
    void on(AmenityCreated event) {
        id = event.amenityId();
        society = event.societyId();
        name = event.name();
        type = event.type();
        description = event.description();
        terms = event.terms();
        active = true;
    }

    @EventSourcingHandler
    void on(AmenityUpdated event) {
        name = event.name();
        type = event.type();
        description = event.description();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(AmenityDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(AmenityBooked event) {
        bookings.put(event.bookingId(), new Booking(event.userId(), event.date(), event.startTime(), event.endTime(),
                event.endsAt(), event.status()));
    }

    @EventSourcingHandler
    void on(BookingApproved event) {
        bookings.computeIfPresent(event.bookingId(), (k, b) -> b.with(BookingStatus.CONFIRMED));
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        bookings.computeIfPresent(event.bookingId(), (k, b) -> b.with(BookingStatus.CANCELLED));
    }
}
