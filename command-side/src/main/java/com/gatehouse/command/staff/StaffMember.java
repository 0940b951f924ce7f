package com.gatehouse.command.staff;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.staff.StaffAvailability;
import com.gatehouse.api.staff.StaffBookingStatus;
import com.gatehouse.api.staff.StaffProfile;
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
import com.gatehouse.api.staff.StaffEvent.StaffProfileUpdated;
import com.gatehouse.api.staff.StaffEvent.StaffReviewHidden;
import com.gatehouse.api.staff.StaffEvent.StaffReviewed;
import com.gatehouse.api.staff.StaffEvent.StaffVerificationRevoked;
import com.gatehouse.api.staff.StaffEvent.StaffVerified;
import com.gatehouse.api.staff.AttendanceAction;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedOut;
import com.gatehouse.api.staff.AttendanceId;
import com.gatehouse.api.staff.CheckMethod;
import com.gatehouse.api.staff.AssignmentTerms;
import com.gatehouse.api.staff.StaffCommand.AssignStaffToFlat;
import com.gatehouse.api.staff.StaffCommand.SetAssignmentTerms;
import com.gatehouse.api.staff.StaffCommand.CheckInStaff;
import com.gatehouse.api.staff.StaffCommand.CheckOutStaff;
import com.gatehouse.api.staff.StaffCommand.DeactivateStaff;
import com.gatehouse.api.staff.StaffCommand.RegisterStaff;
import com.gatehouse.api.staff.StaffCommand.RotateStaffCard;
import com.gatehouse.api.staff.StaffCommand.ScanStaffCard;
import com.gatehouse.api.staff.StaffCommand.UnassignStaffFromFlat;
import com.gatehouse.api.staff.StaffCommand.UpdateStaff;
import com.gatehouse.api.staff.StaffEvent.StaffAssignedToFlat;
import com.gatehouse.api.staff.StaffEvent.StaffAssignmentTermsSet;
import com.gatehouse.api.staff.StaffEvent.StaffCardRotated;
import com.gatehouse.api.staff.StaffEvent.StaffDeactivated;
import com.gatehouse.api.staff.StaffEvent.StaffRegistered;
import com.gatehouse.api.staff.StaffEvent.StaffUnassignedFromFlat;
import com.gatehouse.api.staff.StaffEvent.StaffUpdated;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.api.staff.StaffType;
import com.gatehouse.api.staff.StaffViews.AttendanceOutcome;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static com.gatehouse.api.common.Texts.required;
import static com.gatehouse.api.common.Texts.blankToNull;

/**
 * A domestic staff member of a society: who they are, which flats they work for, which card version
 * admits them, and whether they are inside right now (their open {@link Attendance}). Every check-in
 * and check-out goes through here, one command at a time per staff member, so a card scanned by two
 * guards at once checks in exactly once; a visit left open is closed by a deadline.
 * <p>
 * Scoping: a command from another society, or from a resident of a flat the staff member does not work
 * for, is refused as not found. Whether a flat belongs to the society is checked with the command side's
 * {@link DirectoryLookup} (written in the same transaction as the directory's events).
 */
@Aggregate
public class StaffMember {

    static final String AUTO_CHECKOUT = "staff-auto-checkout";

    /** The payload of the auto-checkout deadline: which visit it closes. */
    public record AutoCheckout(AttendanceId attendanceId) {
    }

    /** A booking as far as the aggregate needs it: whose it is, the slot and whether it still holds it. */
    record Booking(FlatId flat, Instant startsAt, Instant endsAt, StaffBookingStatus status) {
        Booking with(StaffBookingStatus next) {
            return new Booking(flat, startsAt, endsAt, next);
        }
    }

    /** How far ahead a slot may be booked. */
    static final int BOOKING_DAYS_AHEAD = 90;

    /** Who a visit is of, as the attendance events repeat it. */
    record Identity(StaffId id, SocietyId society, String name, StaffType type, List<FlatId> flats) {
    }

    @AggregateIdentifier
    private StaffId id;
    private SocietyId society;
    private String name;
    private String phone;
    private StaffType type;
    private String photoKey;
    private final LinkedHashSet<FlatId> flats = new LinkedHashSet<>();
    private final java.util.Map<FlatId, AssignmentTerms> terms = new java.util.HashMap<>();
    private boolean active;
    private int cardVersion;
    private Attendance current;
    private Instant lastChange;
    private UUID lastRequestId;
    private AttendanceOutcome lastOutcome;
    private StaffProfile profile = StaffProfile.EMPTY;
    private boolean verified;
    private StaffAvailability availability = StaffAvailability.AVAILABLE;
    /** Every flat the staff member ever worked for: their residents may review them. */
    private final java.util.Set<FlatId> everFlats = new java.util.HashSet<>();
    private final java.util.Map<UUID, Booking> bookings = new java.util.HashMap<>();
    /** Reviews by id (true: hidden), and "reviewer month" pairs already used. */
    private final java.util.Map<UUID, Boolean> reviews = new java.util.HashMap<>();
    private final java.util.Set<String> reviewedMonths = new java.util.HashSet<>();

    protected StaffMember() {
    }

    @CommandHandler
    public StaffMember(RegisterStaff cmd, Clock clock, DirectoryLookup lookup) {
        var flats = distinct(cmd.flatIds());
        if (flats.isEmpty()) {
            throw Problem.invalid("flatIds", "name at least one flat the staff member works for");
        }
        for (FlatId flat : flats) {
            if (cmd.residentFlat() != null && !flat.equals(cmd.residentFlat())) {
                throw Problem.notFound("Flat");
            }
            lookup.requireFlatInSociety(flat, cmd.societyId());
        }
        apply(new StaffRegistered(cmd.staffId(), cmd.societyId(), required("name", cmd.name()),
                required("phone", cmd.phone()), Objects.requireNonNull(cmd.staffType(), "staffType"), flats,
                blankToNull(cmd.photoKey()), 1, now(clock)));
    }

    @CommandHandler
    public void handle(UpdateStaff cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), cmd.residentFlat());
        requireActive();
        String newName = cmd.name() == null ? name : required("name", cmd.name());
        String newPhone = cmd.phone() == null ? phone : required("phone", cmd.phone());
        StaffType newType = cmd.staffType() == null ? type : cmd.staffType();
        String newPhoto = cmd.photoKey() == null ? photoKey : blankToNull(cmd.photoKey());
        if (newName.equals(name) && newPhone.equals(phone) && newType == type && Objects.equals(newPhoto, photoKey)) {
            return;
        }
        apply(new StaffUpdated(id, society, newName, newPhone, newType, newPhoto, now(clock)));
    }

    @CommandHandler
    public void handle(AssignStaffToFlat cmd, Clock clock, DirectoryLookup lookup) {
        requireVisibleTo(cmd.societyId(), null);
        requireActive();
        lookup.requireFlatInSociety(cmd.flatId(), society);
        if (!flats.contains(cmd.flatId())) {
            apply(new StaffAssignedToFlat(id, society, cmd.flatId(), now(clock)));
        }
    }

    @CommandHandler
    public void handle(SetAssignmentTerms cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), cmd.residentFlat());
        if (cmd.flatId() == null || !flats.contains(cmd.flatId())
                || (cmd.residentFlat() != null && !cmd.flatId().equals(cmd.residentFlat()))) {
            throw Problem.notFound("Flat of this staff member");
        }
        requireActive();
        AssignmentTerms wanted = validTerms(cmd.terms());
        if (wanted.equals(terms.getOrDefault(cmd.flatId(), AssignmentTerms.NONE))) {
            return;
        }
        apply(new StaffAssignmentTermsSet(id, society, cmd.flatId(), wanted, cmd.by(), now(clock)));
    }

    /** Days in week order without repeats; hours both or neither, start before end; a rate with its type. */
    static AssignmentTerms validTerms(AssignmentTerms given) {
        AssignmentTerms terms = given == null ? AssignmentTerms.NONE : given;
        if (terms.workingDays().stream().anyMatch(java.util.Objects::isNull)) {
            throw Problem.invalid("workingDays", "must not contain null");
        }
        if ((terms.startTime() == null) != (terms.endTime() == null)) {
            throw Problem.invalid(terms.startTime() == null ? "startTime" : "endTime", "give both startTime and endTime");
        }
        if (terms.startTime() != null && !terms.startTime().isBefore(terms.endTime())) {
            throw Problem.invalid("endTime", "must be after startTime");
        }
        if (terms.agreedRate() != null && terms.agreedRate().signum() < 0) {
            throw Problem.invalid("agreedRate", "must not be negative");
        }
        if ((terms.agreedRate() == null) != (terms.rateType() == null)) {
            throw Problem.invalid(terms.agreedRate() == null ? "agreedRate" : "rateType",
                    "give both agreedRate and rateType");
        }
        if (terms.agreedRate() != null && terms.agreedRate().stripTrailingZeros().scale() > 2) {
            throw Problem.invalid("agreedRate", "has at most 2 decimals");
        }
        return new AssignmentTerms(terms.workingDays().stream().distinct().sorted().toList(), terms.startTime(),
                terms.endTime(), terms.agreedRate() == null ? null : terms.agreedRate().setScale(2),
                terms.rateType());
    }

    @CommandHandler
    public void handle(UnassignStaffFromFlat cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), cmd.residentFlat());
        if (cmd.flatId() == null || !flats.contains(cmd.flatId())
                || (cmd.residentFlat() != null && !cmd.flatId().equals(cmd.residentFlat()))) {
            throw Problem.notFound("Flat of this staff member");
        }
        if (flats.size() == 1) {
            throw Problem.conflict(name + " works for no other flat: deactivate the staff member instead");
        }
        apply(new StaffUnassignedFromFlat(id, society, cmd.flatId(), now(clock)));
    }

    @CommandHandler
    public void handle(DeactivateStaff cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), cmd.residentFlat());
        if (!active) {
            return;
        }
        if (cmd.residentFlat() != null && flats.size() > 1) {
            throw Problem.conflict(name + " also works for other flats: remove your flat from their flats instead, "
                    + "or ask the society's admin to deactivate them");
        }
        apply(new StaffDeactivated(id, society, now(clock)));
    }

    @CommandHandler
    public int handle(RotateStaffCard cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), cmd.residentFlat());
        requireActive();
        apply(new StaffCardRotated(id, society, cardVersion + 1, now(clock)));
        return cardVersion;
    }

    @CommandHandler
    public AttendanceOutcome handle(ScanStaffCard cmd, Clock clock, DeadlineManager deadlines, StaffSettings settings) {
        requireVisibleTo(cmd.societyId(), null);
        if (isRepeatOf(cmd.requestId())) {
            return lastOutcome;
        }
        if (!active) {
            throw Problem.conflict("This card is no longer valid: " + name + " was deactivated");
        }
        if (cmd.cardVersion() != cardVersion) {
            throw Problem.conflict("This card was revoked: a newer card was issued to " + name);
        }
        Instant now = now(clock);
        if (lastChange != null && now.isBefore(lastChange.plus(settings.repeatScanWindow()))) {
            throw Problem.conflict(name + " was checked " + (current != null ? "in" : "out") + " "
                    + Duration.between(lastChange, now).toSeconds() + " s ago: a repeated scan within "
                    + settings.repeatScanWindow().toSeconds() + " s changes nothing");
        }
        return current == null
                ? checkIn(cmd.guardId(), CheckMethod.SCAN, cmd.requestId(), now, deadlines, settings)
                : checkOut(cmd.guardId(), CheckMethod.SCAN, cmd.requestId(), now, null, deadlines);
    }

    @CommandHandler
    public AttendanceOutcome handle(CheckInStaff cmd, Clock clock, DeadlineManager deadlines, StaffSettings settings) {
        requireVisibleTo(cmd.societyId(), null);
        if (isRepeatOf(cmd.requestId())) {
            return lastOutcome;
        }
        if (!active) {
            throw Problem.conflict(name + " is deactivated and cannot be checked in");
        }
        if (current != null) {
            throw Problem.conflict(name + " is already checked in (since " + current.checkInTime() + ")");
        }
        return checkIn(cmd.guardId(), CheckMethod.MANUAL, cmd.requestId(), now(clock), deadlines, settings);
    }

    /** Checking out is allowed even for a deactivated staff member: leaving is never refused. */
    @CommandHandler
    public AttendanceOutcome handle(CheckOutStaff cmd, Clock clock, DeadlineManager deadlines) {
        requireVisibleTo(cmd.societyId(), null);
        if (isRepeatOf(cmd.requestId())) {
            return lastOutcome;
        }
        if (current == null) {
            throw Problem.conflict(name + " is not checked in");
        }
        return checkOut(cmd.guardId(), CheckMethod.MANUAL, cmd.requestId(), now(clock), cmd.workCompleted(),
                deadlines);
    }

    @CommandHandler
    public void handle(UpdateStaffProfile cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), cmd.residentFlat());
        requireActive();
        StaffProfile next = StaffProfile.normalised(cmd.profile());
        if (!next.equals(profile)) {
            apply(new StaffProfileUpdated(id, society, next, now(clock)));
        }
    }

    @CommandHandler
    public void handle(VerifyStaff cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), null);
        requireActive();
        if (!verified) {
            apply(new StaffVerified(id, society, cmd.verifiedBy(), now(clock)));
        }
    }

    @CommandHandler
    public void handle(RevokeStaffVerification cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), null);
        if (verified) {
            apply(new StaffVerificationRevoked(id, society, cmd.revokedBy(), now(clock)));
        }
    }

    @CommandHandler
    public void handle(SetStaffAvailability cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), cmd.residentFlat());
        requireActive();
        if (cmd.availability() != StaffAvailability.AVAILABLE && cmd.availability() != StaffAvailability.ON_LEAVE) {
            throw Problem.invalid("availability", "must be AVAILABLE or ON_LEAVE (BUSY and INACTIVE follow from "
                    + "check-ins and deactivation)");
        }
        if (cmd.availability() != availability) {
            apply(new StaffAvailabilityChanged(id, society, cmd.availability(), now(clock)));
        }
    }

    /** One command at a time per staff member: of bookings sent at once for overlapping slots, one wins. */
    @CommandHandler
    public void handle(BookStaff cmd, Clock clock, DirectoryLookup lookup, SocietyTimeZones zones) {
        requireVisibleTo(cmd.societyId(), null);
        if (bookings.containsKey(cmd.bookingId())) {
            return; // a retried request: the booking exists
        }
        if (!active) {
            throw Problem.conflict(name + " is deactivated and cannot be booked");
        }
        if (availability == StaffAvailability.ON_LEAVE) {
            throw Problem.conflict(name + " is on leave and cannot be booked");
        }
        lookup.requireFlatInSociety(cmd.flatId(), society);
        if (cmd.date() == null) {
            throw Problem.invalid("bookingDate", "is required (YYYY-MM-DD)");
        }
        if (cmd.startTime() == null || cmd.endTime() == null || !cmd.startTime().isBefore(cmd.endTime())) {
            throw Problem.invalid("endTime", "must be after startTime (HH:MM, the same day)");
        }
        String workType = required("workType", cmd.workType());
        ZoneId zone = zones.zoneOf(society.value());
        Instant now = now(clock);
        Instant startsAt = cmd.date().atTime(cmd.startTime()).atZone(zone).toInstant();
        Instant endsAt = cmd.date().atTime(cmd.endTime()).atZone(zone).toInstant();
        if (!startsAt.isAfter(now)) {
            throw Problem.invalid("startTime", "must be in the future");
        }
        if (cmd.date().isAfter(now.atZone(zone).toLocalDate().plusDays(BOOKING_DAYS_AHEAD))) {
            throw Problem.invalid("bookingDate", "may be at most " + BOOKING_DAYS_AHEAD + " days ahead");
        }
        bookings.values().stream()
                .filter(b -> b.status().holdsSlot() && b.startsAt().isBefore(endsAt) && startsAt.isBefore(b.endsAt()))
                .findFirst().ifPresent(taken -> {
                    throw Problem.conflict(name + " is not available at this time: booked from "
                            + taken.startsAt().atZone(zone).toLocalTime() + " to " + taken.endsAt().atZone(zone).toLocalTime());
                });
        apply(new StaffBooked(id, society, cmd.bookingId(), cmd.bookedBy(), cmd.flatId(), cmd.date(), cmd.startTime(),
                cmd.endTime(), startsAt, endsAt, workType, blankToNull(cmd.requirements()), now));
    }

    @CommandHandler
    public void handle(AcceptStaffBooking cmd, Clock clock) {
        Booking booking = booking(cmd.societyId(), null, cmd.bookingId());
        if (booking.status() == StaffBookingStatus.CONFIRMED) {
            return;
        }
        requireStatus(booking, StaffBookingStatus.PENDING, "accepted");
        apply(new StaffBookingAccepted(id, society, cmd.bookingId(), booking.flat(), cmd.by(), now(clock)));
    }

    @CommandHandler
    public void handle(RejectStaffBooking cmd, Clock clock) {
        Booking booking = booking(cmd.societyId(), null, cmd.bookingId());
        requireStatus(booking, StaffBookingStatus.PENDING, "rejected");
        apply(new StaffBookingRejected(id, society, cmd.bookingId(), booking.flat(), cmd.by(),
                required("reason", cmd.reason()), now(clock)));
    }

    @CommandHandler
    public void handle(CancelStaffBooking cmd, Clock clock) {
        Booking booking = booking(cmd.societyId(), cmd.residentFlat(), cmd.bookingId());
        if (!booking.status().holdsSlot()) {
            throw Problem.conflict("This booking is already " + booking.status() + " and cannot be cancelled");
        }
        apply(new StaffBookingCancelled(id, society, cmd.bookingId(), booking.flat(), cmd.by(), now(clock)));
    }

    @CommandHandler
    public void handle(CompleteStaffBooking cmd, Clock clock) {
        Booking booking = booking(cmd.societyId(), cmd.residentFlat(), cmd.bookingId());
        requireStatus(booking, StaffBookingStatus.CONFIRMED, "completed");
        if (cmd.actualMinutes() <= 0 || cmd.actualMinutes() > 24 * 60) {
            throw Problem.invalid("actualDuration", "must be between 1 and 1440 minutes");
        }
        if (cmd.finalCost() != null && cmd.finalCost().signum() < 0) {
            throw Problem.invalid("finalCost", "must not be negative");
        }
        apply(new StaffBookingCompleted(id, society, cmd.bookingId(), booking.flat(), cmd.by(), cmd.actualMinutes(),
                cmd.finalCost(), now(clock)));
    }

    @CommandHandler
    public void handle(ReviewStaff cmd, Clock clock, SocietyTimeZones zones) {
        requireVisibleTo(cmd.societyId(), null);
        if (reviews.containsKey(cmd.reviewId())) {
            return; // a retried request
        }
        boolean worked = everFlats.contains(cmd.reviewerFlat()) || bookings.values().stream()
                .anyMatch(b -> b.flat().equals(cmd.reviewerFlat()) && b.status() == StaffBookingStatus.COMPLETED);
        if (cmd.reviewerFlat() == null || !worked) {
            throw Problem.notFound("Staff member");
        }
        rating("rating", cmd.rating());
        for (var aspect : new Object[][]{{"quality", cmd.quality()}, {"punctuality", cmd.punctuality()},
                {"behaviour", cmd.behaviour()}}) {
            if (aspect[1] != null) {
                rating((String) aspect[0], (Integer) aspect[1]);
            }
        }
        Instant now = now(clock);
        String month = java.time.YearMonth.from(now.atZone(zones.zoneOf(society.value()))).toString();
        if (reviewedMonths.contains(cmd.reviewer() + " " + month)) {
            throw Problem.conflict("You have already reviewed " + name + " this month (" + month + ")");
        }
        apply(new StaffReviewed(id, society, cmd.reviewId(), cmd.reviewer(), cmd.reviewerFlat(), month, cmd.rating(),
                cmd.quality(), cmd.punctuality(), cmd.behaviour(), blankToNull(cmd.comment()), now));
    }

    @CommandHandler
    public void handle(HideStaffReview cmd, Clock clock) {
        requireVisibleTo(cmd.societyId(), null);
        Boolean hidden = reviews.get(cmd.reviewId());
        if (hidden == null) {
            throw Problem.notFound("Review");
        }
        if (!hidden) {
            apply(new StaffReviewHidden(id, society, cmd.reviewId(), cmd.by(), required("reason", cmd.reason()),
                    now(clock)));
        }
    }

    private Booking booking(SocietyId callerSociety, FlatId residentFlat, UUID bookingId) {
        Booking booking = society.equals(callerSociety) ? bookings.get(bookingId) : null;
        if (booking == null || (residentFlat != null && !booking.flat().equals(residentFlat))) {
            throw Problem.notFound("Booking");
        }
        return booking;
    }

    private static void requireStatus(Booking booking, StaffBookingStatus expected, String change) {
        if (booking.status() != expected) {
            throw Problem.conflict("This booking is " + booking.status() + ": only a " + expected
                    + " booking can be " + change);
        }
    }

    private static void rating(String field, int value) {
        if (value < 1 || value > 5) {
            throw Problem.invalid(field, "must be from 1 to 5");
        }
    }

    /** Closes a visit nobody checked out, at the moment it was due (so the duration is exactly the limit). */
    @DeadlineHandler(deadlineName = AUTO_CHECKOUT)
    public void on(AutoCheckout deadline) {
        if (current != null && current.id().equals(deadline.attendanceId())) {
            apply(current.close(identity(), null, CheckMethod.AUTO, null, current.autoCheckoutAt(), null));
        }
    }

    private AttendanceOutcome checkIn(UserId guard, CheckMethod method, UUID requestId, Instant now,
                                      DeadlineManager deadlines, StaffSettings settings) {
        var attendanceId = new AttendanceId(requestId);
        Instant autoCheckoutAt = now.plus(settings.autoCheckoutAfter());
        String scheduleId = deadlines.schedule(autoCheckoutAt, AUTO_CHECKOUT, new AutoCheckout(attendanceId));
        apply(new StaffCheckedIn(attendanceId, id, society, name, type, List.copyOf(flats), guard, method, requestId,
                now, autoCheckoutAt, scheduleId));
        return lastOutcome;
    }

    private AttendanceOutcome checkOut(UserId guard, CheckMethod method, UUID requestId, Instant now,
                                       Boolean workCompleted, DeadlineManager deadlines) {
        deadlines.cancelSchedule(AUTO_CHECKOUT, current.scheduleId());
        apply(current.close(identity(), guard, method, requestId, now, workCompleted));
        return lastOutcome;
    }

    /** A retried request (same request id as the last check-in or check-out) answers what it did then. */
    private boolean isRepeatOf(UUID requestId) {
        return requestId != null && requestId.equals(lastRequestId);
    }

    private void requireVisibleTo(SocietyId callerSociety, FlatId residentFlat) {
        if (!society.equals(callerSociety) || (residentFlat != null && !flats.contains(residentFlat))) {
            throw Problem.notFound("Staff member");
        }
    }

    private void requireActive() {
        if (!active) {
            throw Problem.conflict(name + " is deactivated");
        }
    }

    private Identity identity() {
        return new Identity(id, society, name, type, List.copyOf(flats));
    }

    private static List<FlatId> distinct(List<FlatId> flats) {
        if (flats == null) {
            return List.of();
        }
        var distinct = new ArrayList<FlatId>();
        for (FlatId flat : flats) {
            if (flat == null) {
                throw Problem.invalid("flatIds", "must not contain null");
            }
            if (!distinct.contains(flat)) {
                distinct.add(flat);
            }
        }
        return List.copyOf(distinct);
    }

    /** Times in milliseconds: what the read model, the JSON and the apps' clocks all keep exactly. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @EventSourcingHandler
    void on(StaffRegistered event) {
        id = event.staffId();
        society = event.societyId();
        name = event.name();
        phone = event.phone();
        type = event.staffType();
        photoKey = event.photoKey();
        flats.addAll(event.flatIds());
        everFlats.addAll(event.flatIds());
        active = true;
        cardVersion = event.cardVersion();
    }

    @EventSourcingHandler
    void on(StaffUpdated event) {
        name = event.name();
        phone = event.phone();
        type = event.staffType();
        photoKey = event.photoKey();
    }

    @EventSourcingHandler
    void on(StaffAssignedToFlat event) {
        flats.add(event.flatId());
        everFlats.add(event.flatId());
    }

    @EventSourcingHandler
    void on(StaffUnassignedFromFlat event) {
        flats.remove(event.flatId());
        terms.remove(event.flatId());
    }

    @EventSourcingHandler
    void on(StaffDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(StaffCardRotated event) {
        cardVersion = event.cardVersion();
    }

    @EventSourcingHandler
    void on(StaffCheckedIn event) {
        current = Attendance.of(event);
        lastChange = event.checkInTime();
        lastRequestId = event.requestId();
        lastOutcome = new AttendanceOutcome(AttendanceAction.CHECK_IN, event.attendanceId());
    }

    @EventSourcingHandler
    void on(StaffCheckedOut event) {
        current = null;
        lastChange = event.checkOutTime();
        lastRequestId = event.requestId();
        lastOutcome = new AttendanceOutcome(AttendanceAction.CHECK_OUT, event.attendanceId());
    }

    @EventSourcingHandler
    void on(StaffProfileUpdated event) {
        profile = event.profile() == null ? StaffProfile.EMPTY : event.profile(); // null: erased
    }

    @EventSourcingHandler
    void on(StaffVerified event) {
        verified = true;
    }

    @EventSourcingHandler
    void on(StaffVerificationRevoked event) {
        verified = false;
    }

    @EventSourcingHandler
    void on(StaffAvailabilityChanged event) {
        availability = event.availability();
    }

    @EventSourcingHandler
    void on(StaffBooked event) {
        bookings.put(event.bookingId(), new Booking(event.flatId(), event.startsAt(), event.endsAt(),
                StaffBookingStatus.PENDING));
    }

    @EventSourcingHandler
    void on(StaffBookingAccepted event) {
        bookings.computeIfPresent(event.bookingId(), (k, b) -> b.with(StaffBookingStatus.CONFIRMED));
    }

    @EventSourcingHandler
    void on(StaffBookingRejected event) {
        bookings.computeIfPresent(event.bookingId(), (k, b) -> b.with(StaffBookingStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(StaffBookingCancelled event) {
        bookings.computeIfPresent(event.bookingId(), (k, b) -> b.with(StaffBookingStatus.CANCELLED));
    }

    @EventSourcingHandler
    void on(StaffBookingCompleted event) {
        bookings.computeIfPresent(event.bookingId(), (k, b) -> b.with(StaffBookingStatus.COMPLETED));
    }

    @EventSourcingHandler
    void on(StaffReviewed event) {
        reviews.put(event.reviewId(), false);
        reviewedMonths.add(event.reviewer() + " " + event.month());
    }

    @EventSourcingHandler
    void on(StaffReviewHidden event) {
        reviews.put(event.reviewId(), true);
    }

    @EventSourcingHandler
    void on(StaffAssignmentTermsSet event) {
        terms.put(event.flatId(), event.terms());
    }
}
