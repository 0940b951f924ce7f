package com.gatehouse.command.amenity;

import com.gatehouse.api.amenity.AmenityCommand.ApproveBooking;
import com.gatehouse.api.amenity.AmenityCommand.BookAmenity;
import com.gatehouse.api.amenity.AmenityCommand.CancelBooking;
import com.gatehouse.api.amenity.AmenityCommand.CreateAmenity;
import com.gatehouse.api.amenity.AmenityCommand.DeactivateAmenity;
import com.gatehouse.api.amenity.AmenityCommand.UpdateAmenity;
import com.gatehouse.api.amenity.AmenityId;
import com.gatehouse.api.amenity.AmenityQuery.FindAmenity;
import com.gatehouse.api.amenity.AmenityQuery.FindBooking;
import com.gatehouse.api.amenity.AmenityTerms;
import com.gatehouse.api.amenity.AmenityType;
import com.gatehouse.api.amenity.AmenityViews.AmenityView;
import com.gatehouse.api.amenity.AmenityViews.BookingView;
import com.gatehouse.api.amenity.BookingId;
import com.gatehouse.api.amenity.BookingStatus;
import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import java.util.UUID;

/** Changes to amenities (admins) and their bookings (residents book and cancel, admins approve and cancel). */
@RestController
@RequestMapping("/api/v1/community/amenities")
@Tag(name = "Amenities", description = """
        A society's amenities (type CLUBHOUSE, GYM, SWIMMING_POOL, PARTY_HALL, SPORTS_COURT, BANQUET_HALL, GARDEN, \
        OTHER) and their bookings. Each amenity has opening hours (openTime, closeTime, "HH:mm"), a slot length \
        (bookingDuration, minutes: bookings are whole slots laid from openTime), an advance window \
        (advanceBookingDays: from today to that many days ahead), a per-user limit of active bookings \
        (maxBookingsPerUser), a capacity (guests per booking, optional), a price per hour (amount = price x hours) \
        and requiresApproval (new bookings PENDING until an admin approves, else CONFIRMED at once). Dates and times \
        are in the society's time zone (its timeZone, default Asia/Kolkata). A booking never overlaps \
        another PENDING or CONFIRMED booking of the same amenity, even when many residents book at the same \
        instant: the amenity decides its bookings one at a time, the first wins and the others get 409 naming the \
        taken slot. Residents see and cancel their own bookings; admins see the society's, approve and cancel \
        (the booker is notified, type SYSTEM, referenceType AmenityBooking); admins are notified of bookings \
        waiting for approval. GET /{amenityId}/availability?date= shows each slot of a day, free or taken.""")
public class AmenityCommandController {

    static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";
    static final String TIME_MESSAGE = "must be a time of day HH:mm, e.g. 09:30";
    static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    private final CommandSender sender;

    public AmenityCommandController(CommandSender sender) {
        this.sender = sender;
    }

    public record AmenityRequest(@Size(min = 1, max = 120) String name, AmenityType type,
                                 @Size(max = 2000) String description,
                                 @Min(1) @Max(10_000) Integer capacity,
                                 @Pattern(regexp = TIME, message = TIME_MESSAGE) String openTime,
                                 @Pattern(regexp = TIME, message = TIME_MESSAGE) String closeTime,
                                 @Min(15) @Max(1440) Integer bookingDuration,
                                 @Min(0) @Max(365) Integer advanceBookingDays,
                                 @Min(1) @Max(100) Integer maxBookingsPerUser,
                                 @DecimalMin("0") @jakarta.validation.constraints.DecimalMax("1000000") BigDecimal pricePerHour,
                                 Boolean requiresApproval) {
    }

    public record BookingRequest(@NotBlank @Pattern(regexp = DATE, message = "must be a date yyyy-MM-dd") String date,
                                 @NotBlank @Pattern(regexp = TIME, message = TIME_MESSAGE) String startTime,
                                 @NotBlank @Pattern(regexp = TIME, message = TIME_MESSAGE) String endTime,
                                 @Min(1) @Max(10_000) Integer guestCount,
                                 @Size(max = 500) String purpose) {
    }

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.ADMIN)
    @Operation(summary = "Add an amenity",
            description = "Body {name, type, description?, capacity?, openTime (06:00), closeTime (22:00), "
                    + "bookingDuration (60), advanceBookingDays (7), maxBookingsPerUser (2), pricePerHour (0), "
                    + "requiresApproval (false)}; the defaults in brackets apply to what is left out.")
    public Mono<AmenityView> create(Caller caller, @Valid @RequestBody AmenityRequest body,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (body.name() == null || body.name().isBlank()) {
            throw Problem.invalid("name", "must not be blank");
        }
        if (body.type() == null) {
            throw Problem.invalid("type", "must not be null");
        }
        var id = Idempotency.newId(caller, "amenity", key);
        var terms = new AmenityTerms(body.capacity(), time(body.openTime(), "06:00"), time(body.closeTime(), "22:00"),
                or(body.bookingDuration(), 60), or(body.advanceBookingDays(), 7), or(body.maxBookingsPerUser(), 2),
                body.pricePerHour() == null ? BigDecimal.ZERO : body.pricePerHour(),
                Boolean.TRUE.equals(body.requiresApproval()));
        return sender.create(caller, new CreateAmenity(new AmenityId(id), caller.ownSociety(), body.name(), body.type(),
                body.description(), terms), Idempotency.given(key), new FindAmenity(id), AmenityView.class);
    }

    @PatchMapping("/{amenityId}")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Change an amenity's details or booking rules",
            description = "Fields left out stay as they are. New rules apply to new bookings; bookings already "
                    + "made stay.")
    public Mono<AmenityView> update(Caller caller, @PathVariable UUID amenityId,
                                    @Valid @RequestBody AmenityRequest body) {
        return amenity(caller, amenityId).flatMap(now -> {
            var terms = new AmenityTerms(body.capacity() == null ? now.capacity() : body.capacity(),
                    time(body.openTime(), now.openTime()), time(body.closeTime(), now.closeTime()),
                    or(body.bookingDuration(), now.bookingDuration()),
                    or(body.advanceBookingDays(), now.advanceBookingDays()),
                    or(body.maxBookingsPerUser(), now.maxBookingsPerUser()),
                    body.pricePerHour() == null ? now.pricePerHour() : body.pricePerHour(),
                    body.requiresApproval() == null ? now.requiresApproval() : body.requiresApproval());
            String name = body.name() == null ? now.name() : body.name().strip();
            AmenityType type = body.type() == null ? now.type() : body.type();
            String description = body.description() == null ? now.description() : body.description();
            return sender.sendAndRead(caller, new UpdateAmenity(new AmenityId(amenityId), caller.ownSociety(), name, type,
                    description, terms), new FindAmenity(amenityId), AmenityView.class);
        });
    }

    @DeleteMapping("/{amenityId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Role.ADMIN)
    @Operation(summary = "Deactivate an amenity: no new bookings",
            description = "The amenity stays (isActive false) with its history; bookings already made stay until "
                    + "cancelled.")
    public Mono<Void> deactivate(Caller caller, @PathVariable UUID amenityId) {
        return amenity(caller, amenityId).then(sender.sendAndRead(caller,
                new DeactivateAmenity(new AmenityId(amenityId), caller.ownSociety()), new FindAmenity(amenityId),
                AmenityView.class)).then();
    }

    @PostMapping("/{amenityId}/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Book a slot",
            description = "Body {date: yyyy-MM-dd, startTime: HH:mm, endTime: HH:mm, guestCount? (1), purpose?}. "
                    + "Whole slots inside opening hours, starting in the future, within the advance window, guests "
                    + "within capacity (400 otherwise); 409 when the amenity is inactive, when the caller already "
                    + "holds maxBookingsPerUser active bookings of it, or when the time overlaps a PENDING or CONFIRMED "
                    + "booking (the answer names the taken slot). Answers the booking: PENDING when the amenity "
                    + "requires approval, else CONFIRMED.")
    public Mono<BookingView> book(Caller caller, @PathVariable UUID amenityId, @Valid @RequestBody BookingRequest body,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        LocalDate date = date(body.date());
        var id = Idempotency.newId(caller, "amenity-booking", key);
        var command = new BookAmenity(new AmenityId(amenityId), caller.ownSociety(), new BookingId(id),
                new UserId(caller.userId()), FlatId.of(caller.flatId()), date, LocalTime.parse(body.startTime()),
                LocalTime.parse(body.endTime()), body.guestCount(), body.purpose());
        return amenity(caller, amenityId)
                .then(sender.create(caller, command, Idempotency.given(key), new FindBooking(id), BookingView.class))
                .map(view -> view.seenBy(caller));
    }

    @PatchMapping("/bookings/{bookingId}/approve")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Approve a PENDING booking", description = "409 when it was cancelled meanwhile.")
    public Mono<BookingView> approve(Caller caller, @PathVariable UUID bookingId) {
        return booking(caller, bookingId).flatMap(booking -> sender.sendAndRead(caller,
                new ApproveBooking(new AmenityId(booking.amenityId()), caller.ownSociety(), new BookingId(bookingId),
                        new UserId(caller.userId())), new FindBooking(bookingId), BookingView.class));
    }

    @PatchMapping("/bookings/{bookingId}/cancel")
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Cancel a booking, freeing its slot",
            description = "Body optional: {reason}. The booker cancels their own (404 for someone else's booking); "
                    + "an admin cancels any booking of the society (a refusal: the booker is notified).")
    public Mono<BookingView> cancel(Caller caller, @PathVariable UUID bookingId,
                                    @Valid @RequestBody(required = false) CancelRequest body) {
        String reason = body == null ? null : body.reason();
        return booking(caller, bookingId).flatMap(booking -> sender.sendAndRead(caller,
                        new CancelBooking(new AmenityId(booking.amenityId()), caller.ownSociety(), new BookingId(bookingId),
                                new UserId(caller.userId()), caller.role() == Role.ADMIN, reason),
                        new FindBooking(bookingId), BookingView.class))
                .map(view -> view.seenBy(caller));
    }

    private Mono<AmenityView> amenity(Caller caller, UUID amenityId) {
        return sender.find(new FindAmenity(amenityId), AmenityView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Amenity")))
                .map(view -> view.seenBy(caller));
    }

    private Mono<BookingView> booking(Caller caller, UUID bookingId) {
        return sender.find(new FindBooking(bookingId), BookingView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Booking")))
                .map(view -> view.seenBy(caller));
    }

    private static LocalTime time(String value, String otherwise) {
        return LocalTime.parse(value == null ? otherwise : value);
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw Problem.invalid("date", "must be a date yyyy-MM-dd");
        }
    }
}
