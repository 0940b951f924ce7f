package com.gatehouse.command.staff;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
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
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.api.staff.StaffProfile;
import com.gatehouse.api.staff.StaffQuery.FindStaff;
import com.gatehouse.api.staff.StaffQuery.FindStaffBooking;
import com.gatehouse.api.staff.StaffQuery.FindStaffReview;
import com.gatehouse.api.staff.StaffViews.StaffBookingView;
import com.gatehouse.api.staff.StaffViews.StaffReviewView;
import com.gatehouse.api.staff.StaffViews.StaffView;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The richer side of domestic staff: profile, the verified badge, availability, on-demand bookings and reviews.
 * Reads (lists, availability for a slot, reviews, the attendance log) are served by the query side.
 */
@RestController
@RequestMapping("/api/v1/staff/domestic")
@Tag(name = "Domestic staff")
public class StaffBookingController {

    private final CommandSender sender;

    public StaffBookingController(CommandSender sender) {
        this.sender = sender;
    }

    public record ProfileRequest(@Size(max = 10) List<@Size(max = 40) String> languages,
                                 @Min(0) @Max(70) Integer experienceYears,
                                 @Size(max = 40) String idProofType, @Size(max = 40) String idProofNumber,
                                 @Size(max = 300) String address, @Size(max = 120) String emergencyContactName,
                                 @Size(max = 20) String emergencyContactPhone, @Size(max = 1000) String description) {
    }

    public record VerificationRequest(@NotNull Boolean verified) {
    }

    public record AvailabilityRequest(@NotNull StaffAvailability availability) {
    }

    public record BookingRequest(@NotNull UUID staffId, UUID flatId, @NotBlank String bookingDate,
                                 @NotBlank String startTime, @NotBlank String endTime,
                                 @NotBlank @Size(max = 80) String workType, @Size(max = 1000) String requirements) {
    }

    public record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record CompleteRequest(@NotNull @Min(1) @Max(1440) Integer actualDuration,
                                  @DecimalMin("0") BigDecimal finalCost) {
    }

    public record ReviewRequest(@NotNull @Min(1) @Max(5) Integer rating, @Min(1) @Max(5) Integer quality,
                                @Min(1) @Max(5) Integer punctuality, @Min(1) @Max(5) Integer behaviour,
                                @Size(max = 1000) String comment) {
    }

    public record HideRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PutMapping("/{staffId}/profile")
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "Replace a staff member's profile",
            description = "Body: {languages, experienceYears, idProofType, idProofNumber, address, emergencyContactName, "
                    + "emergencyContactPhone, description}, every field optional (left out: cleared). An identity "
                    + "number needs its type. The identity number, address and emergency phone are the staff member's "
                    + "personal data: only admins see them whole; residents and guards see them masked. A resident "
                    + "may edit only staff working for their flat. Answers the staff member.")
    public Mono<StaffView> profile(Caller caller, @PathVariable UUID staffId, @Valid @RequestBody ProfileRequest body) {
        var profile = StaffProfile.normalised(new StaffProfile(body.languages(), body.experienceYears(),
                body.idProofType(), body.idProofNumber(), body.address(), body.emergencyContactName(),
                body.emergencyContactPhone(), body.description()));
        return sender.sendAndRead(caller, new UpdateStaffProfile(new StaffId(staffId), caller.ownSociety(),
                        caller.actingFlat(), profile), new FindStaff(staffId), StaffView.class)
                .map(view -> view.seenBy(caller));
    }

    @PatchMapping("/{staffId}/verification")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Give or take away the verified badge",
            description = "Body: {verified: true|false}. The admin vouches that the staff member's identity was seen "
                    + "and checked; lists show isVerified, verifiedAt and verifiedBy. Setting what is already set "
                    + "changes nothing.")
    public Mono<StaffView> verification(Caller caller, @PathVariable UUID staffId,
                                        @Valid @RequestBody VerificationRequest body) {
        Object command = body.verified()
                ? new VerifyStaff(new StaffId(staffId), caller.ownSociety(), new UserId(caller.userId()))
                : new RevokeStaffVerification(new StaffId(staffId), caller.ownSociety(), new UserId(caller.userId()));
        return sender.sendAndRead(caller, command, new FindStaff(staffId), StaffView.class);
    }

    @PatchMapping("/{staffId}/availability")
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "Set a staff member AVAILABLE or ON_LEAVE",
            description = "Body: {availability: AVAILABLE|ON_LEAVE}. BUSY (checked in) and INACTIVE (deactivated) "
                    + "follow from what happens and cannot be set (400). Staff on leave cannot be booked.")
    public Mono<StaffView> availability(Caller caller, @PathVariable UUID staffId,
                                        @Valid @RequestBody AvailabilityRequest body) {
        return sender.sendAndRead(caller, new SetStaffAvailability(new StaffId(staffId), caller.ownSociety(),
                        caller.actingFlat(), body.availability()), new FindStaff(staffId), StaffView.class)
                .map(view -> view.seenBy(caller));
    }

    @PostMapping("/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Book a staff member for a slot",
            description = "Body: {staffId, flatId (admins; a resident books for their own flat), bookingDate "
                    + "YYYY-MM-DD, startTime and endTime HH:MM (the society's time zone, the same day), workType, "
                    + "requirements}. Any active staff member of the society who is not on leave can be booked, at most "
                    + "90 days ahead. A slot overlapping another PENDING or CONFIRMED booking of the staff member is "
                    + "refused (409, naming the taken slot): of bookings sent at once for overlapping slots exactly one "
                    + "succeeds. The booking is PENDING until an admin accepts or rejects it on the staff member's "
                    + "behalf; the flat is notified (STAFF_BOOKING) at each step and the admins when it is requested.")
    public Mono<StaffBookingView> book(Caller caller, @Valid @RequestBody BookingRequest body,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        UUID flat = caller.role() == Role.RESIDENT ? caller.flatId() : body.flatId();
        if (flat == null) {
            throw Problem.invalid("flatId", "is required (the flat the staff member works for in this booking)");
        }
        if (caller.role() == Role.RESIDENT && body.flatId() != null && !body.flatId().equals(caller.flatId())) {
            throw Problem.notFound("Flat");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(body.bookingDate().strip());
        } catch (DateTimeException e) {
            throw Problem.invalid("bookingDate", "must be a date as YYYY-MM-DD");
        }
        LocalTime start = time("startTime", body.startTime());
        LocalTime end = time("endTime", body.endTime());
        var id = Idempotency.newId(caller, "staff-booking", key);
        var command = new BookStaff(new StaffId(body.staffId()), caller.ownSociety(), id, new UserId(caller.userId()),
                new FlatId(flat), date, start, end, body.workType(), body.requirements());
        return sender.create(caller, command, Idempotency.given(key), new FindStaffBooking(id), StaffBookingView.class);
    }

    @PatchMapping("/bookings/{bookingId}/accept")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Confirm a PENDING booking on the staff member's behalf", description = "409 unless PENDING.")
    public Mono<StaffBookingView> accept(Caller caller, @PathVariable UUID bookingId) {
        return booking(caller, bookingId).flatMap(booking -> sender.sendAndRead(caller,
                new AcceptStaffBooking(new StaffId(booking.staffId()), caller.ownSociety(), bookingId,
                        new UserId(caller.userId())), new FindStaffBooking(bookingId), StaffBookingView.class));
    }

    @PatchMapping("/bookings/{bookingId}/reject")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Decline a PENDING booking with a reason", description = "Body: {reason}. 409 unless PENDING.")
    public Mono<StaffBookingView> reject(Caller caller, @PathVariable UUID bookingId,
                                         @Valid @RequestBody RejectRequest body) {
        return booking(caller, bookingId).flatMap(booking -> sender.sendAndRead(caller,
                new RejectStaffBooking(new StaffId(booking.staffId()), caller.ownSociety(), bookingId,
                        new UserId(caller.userId()), body.reason()), new FindStaffBooking(bookingId), StaffBookingView.class));
    }

    @PatchMapping("/bookings/{bookingId}/cancel")
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Cancel a PENDING or CONFIRMED booking",
            description = "A resident cancels only their own flat's bookings (another flat's: 404). 409 once it is "
                    + "rejected, cancelled or completed.")
    public Mono<StaffBookingView> cancel(Caller caller, @PathVariable UUID bookingId) {
        return booking(caller, bookingId).flatMap(booking -> sender.sendAndRead(caller,
                new CancelStaffBooking(new StaffId(booking.staffId()), caller.ownSociety(), caller.actingFlat(), bookingId,
                        new UserId(caller.userId())), new FindStaffBooking(bookingId), StaffBookingView.class));
    }

    @PatchMapping("/bookings/{bookingId}/complete")
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Record a CONFIRMED booking as done",
            description = "Body: {actualDuration (minutes, 1-1440), finalCost (optional, not negative)}. The booking "
                    + "flat or an admin; 409 unless CONFIRMED.")
    public Mono<StaffBookingView> complete(Caller caller, @PathVariable UUID bookingId,
                                           @Valid @RequestBody CompleteRequest body) {
        return booking(caller, bookingId).flatMap(booking -> sender.sendAndRead(caller,
                new CompleteStaffBooking(new StaffId(booking.staffId()), caller.ownSociety(), caller.actingFlat(), bookingId,
                        new UserId(caller.userId()), body.actualDuration(), body.finalCost()),
                new FindStaffBooking(bookingId), StaffBookingView.class));
    }

    @PostMapping("/{staffId}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Review a staff member",
            description = "Body: {rating 1-5, quality, punctuality, behaviour (each 1-5, optional), comment}. A resident "
                    + "of a flat the staff member works (or worked) for, or that completed a booking with them; one "
                    + "review per resident per staff member per month of the society's calendar (a second: 409). The "
                    + "staff member's rating is the average of the visible reviews.")
    public Mono<StaffReviewView> review(Caller caller, @PathVariable UUID staffId, @Valid @RequestBody ReviewRequest body,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var id = Idempotency.newId(caller, "staff-review", key);
        return sender.create(caller, new ReviewStaff(new StaffId(staffId), caller.ownSociety(), id,
                        new UserId(caller.userId()), FlatId.of(caller.flatId()), body.rating(), body.quality(),
                        body.punctuality(), body.behaviour(), body.comment()), Idempotency.given(key),
                new FindStaffReview(id), StaffReviewView.class).map(view -> view.seenBy(caller));
    }

    @PatchMapping("/{staffId}/reviews/{reviewId}/hide")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Hide a review (abusive or false)",
            description = "Body: {reason}. The review leaves lists (admins still see it, marked hidden) and the "
                    + "average; the hiding is an event of the staff member's history (audited).")
    public Mono<StaffReviewView> hide(Caller caller, @PathVariable UUID staffId, @PathVariable UUID reviewId,
                                      @Valid @RequestBody HideRequest body) {
        return sender.sendAndRead(caller, new HideStaffReview(new StaffId(staffId), caller.ownSociety(), reviewId,
                new UserId(caller.userId()), body.reason()), new FindStaffReview(reviewId), StaffReviewView.class);
    }

    /** The booking as the caller may act on it, or 404. */
    private Mono<StaffBookingView> booking(Caller caller, UUID bookingId) {
        return sender.find(new FindStaffBooking(bookingId), StaffBookingView.class)
                .filter(view -> Objects.equals(view.societyId(), caller.societyId())
                        && (caller.role() != Role.RESIDENT || view.flatId().equals(caller.flatId())))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Booking")));
    }

    private static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeException e) {
            throw Problem.invalid(field, "must be a time as HH:MM");
        }
    }
}
