package com.gatehouse.query.amenity;

import com.gatehouse.api.amenity.AmenityType;
import com.gatehouse.api.amenity.AmenityViews.AmenityView;
import com.gatehouse.api.amenity.AmenityViews.Availability;
import com.gatehouse.api.amenity.AmenityViews.BookingView;
import com.gatehouse.api.amenity.AmenityViews.Slot;
import com.gatehouse.api.amenity.BookingStatus;
import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.projection.amenity.AmenityReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of amenities, their bookings and a day's free and taken slots. */
@RestController
@RequestMapping("/api/v1/community/amenities")
@Tag(name = "Amenities")
public class AmenityQueryController {

    private final AmenityReadModel readModel;

    public AmenityQueryController(AmenityReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.GUARD, Role.AUDITOR})
    @Operation(summary = "The society's amenities, by name",
            description = "Response: {amenities: [...], pagination}. Filters type, isActive (true|false).")
    public Mono<Map<String, Object>> list(Caller caller, @RequestParam(required = false) AmenityType type,
                                          @RequestParam(name = "isActive", required = false) Boolean active,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID society = caller.ownSociety().value();
        return Blocking.read(() -> Paged.body("amenities", readModel.amenities(society, type, active, request), request));
    }

    @GetMapping("/{amenityId}")
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.GUARD, Role.AUDITOR})
    @Operation(summary = "An amenity with its booking rules")
    public Mono<AmenityView> amenity(Caller caller, @PathVariable UUID amenityId) {
        return visible(caller, amenityId);
    }

    @GetMapping("/{amenityId}/availability")
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.GUARD, Role.AUDITOR})
    @Operation(summary = "Free and taken slots of a day",
            description = "date=yyyy-MM-dd (society time). Answers {amenityId, date, openTime, closeTime, "
                    + "bookingDuration, slots: [{startTime, endTime, available, status, bookingId}]}: one slot per "
                    + "bookingDuration from openTime; a slot is taken (available false, status PENDING or CONFIRMED) "
                    + "when a booking overlaps it. bookingId is shown to admins and to the booker only.")
    public Mono<Availability> availability(Caller caller, @PathVariable UUID amenityId,
                                           @Parameter(example = "2026-12-24") @RequestParam String date) {
        LocalDate day = date(date);
        return visible(caller, amenityId).flatMap(amenity -> Blocking.read(() -> {
            List<BookingView> taken = readModel.activeBookingsOn(amenityId, day);
            LocalTime open = LocalTime.parse(amenity.openTime());
            LocalTime close = LocalTime.parse(amenity.closeTime());
            List<Slot> slots = new ArrayList<>();
            int minutes = amenity.bookingDuration();
            long opening = java.time.Duration.between(open, close).toMinutes();
            for (long m = 0; m + minutes <= opening; m += minutes) {
                String from = open.plusMinutes(m).toString();
                String to = open.plusMinutes(m + minutes).toString();
                BookingView holder = taken.stream()
                        .filter(b -> b.startTime().compareTo(to) < 0 && b.endTime().compareTo(from) > 0)
                        .findFirst().orElse(null);
                slots.add(holder == null ? new Slot(from, to, true, null, null)
                        : new Slot(from, to, false, holder.status(), holder.visibleTo(caller) ? holder.id() : null));
            }
            return new Availability(amenityId, day.toString(), amenity.openTime(), amenity.closeTime(),
                    amenity.bookingDuration(), slots);
        }));
    }

    @GetMapping("/bookings")
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "Bookings, newest first",
            description = "Response: {bookings: [...], pagination}. Residents: their own; admins and auditors: the "
                    + "society's (mine=true: only the caller's own). Filters amenityId, status (PENDING, CONFIRMED, "
                    + "CANCELLED), date (yyyy-MM-dd).")
    public Mono<Map<String, Object>> bookings(Caller caller, @RequestParam(required = false) UUID amenityId,
                                              @RequestParam(required = false) BookingStatus status,
                                              @RequestParam(required = false) String date,
                                              @RequestParam(required = false) Boolean mine,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID society = caller.ownSociety().value();
        LocalDate day = date == null || date.isBlank() ? null : date(date);
        boolean own = caller.role() == Role.RESIDENT || Boolean.TRUE.equals(mine);
        var filter = new AmenityReadModel.BookingFilter(own ? caller.userId() : null, amenityId, status, day);
        return Blocking.read(() -> Paged.body("bookings", readModel.bookings(society, filter, request), request));
    }

    @GetMapping("/bookings/{bookingId}")
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "A booking", description = "A resident sees only their own (404 otherwise).")
    public Mono<BookingView> booking(Caller caller, @PathVariable UUID bookingId) {
        return Blocking.readOne(() -> readModel.booking(bookingId), "Booking")
                .map(view -> view.seenBy(caller));
    }

    private Mono<AmenityView> visible(Caller caller, UUID amenityId) {
        return Blocking.readOne(() -> readModel.amenity(amenityId), "Amenity")
                .map(view -> view.seenBy(caller));
    }

    private static LocalDate date(String value) {
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                throw Problem.invalid("date", "must be between 2000 and 2100");
            }
            return day;
        } catch (DateTimeException e) {
            throw Problem.invalid("date", "must be a date yyyy-MM-dd");
        }
    }
}
