package com.gatehouse.query.staff;

import java.util.List;
import jakarta.validation.constraints.Size;
import com.gatehouse.api.staff.StaffViews.StaffBookingView;
import com.gatehouse.api.staff.StaffType;
import com.gatehouse.api.staff.StaffBookingStatus;
import com.gatehouse.api.staff.StaffAvailability;
import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.staff.StaffCards;
import com.gatehouse.api.staff.StaffCards.StaffCard;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.api.staff.StaffViews.AttendanceView;
import com.gatehouse.api.staff.StaffViews.QrCode;
import com.gatehouse.api.staff.StaffViews.StaffView;
import com.gatehouse.api.upload.StoredFiles;
import com.gatehouse.projection.staff.StaffReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.QrCardImage;
import com.gatehouse.query.common.Paged;
import com.gatehouse.query.common.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/**
 * Reads of domestic staff and their attendance, and their QR cards. Guards, admins and auditors see the
 * staff of their society; a resident only the staff working for their own flat, and of their visits only
 * those made while working for that flat.
 */
@RestController
@RequestMapping("/api/v1/staff/domestic")
@Tag(name = "Domestic staff")
public class StaffQueryController {

    private final StaffReadModel readModel;
    private final StaffCards cards;
    private final StoredFiles files;
    private final com.gatehouse.api.directory.SocietyTimeZones zones;

    /** A staff photo is at most 5 MB (the upload rules); anything larger is not drawn. */
    static final long PHOTO_LIMIT = 5L * 1024 * 1024;

    private final com.gatehouse.projection.staff.StaffAssignmentReadModel assignments;

    public StaffQueryController(StaffReadModel readModel, StaffCards cards, StoredFiles files,
                                com.gatehouse.api.directory.SocietyTimeZones zones,
                                com.gatehouse.projection.staff.StaffAssignmentReadModel assignments) {
        this.assignments = assignments;
        this.zones = zones;
        this.readModel = readModel;
        this.cards = cards;
        this.files = files;
    }

    @GetMapping
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "Staff of the society, newest first; who is inside right now with inside=true",
            description = "Response: {staff: [...], pagination}; each with isCurrentlyWorking and currentAttendanceId. "
                    + "flatId: only staff working for that flat (a resident: only their own flat, the default). "
                    + "inside=true: the \"currently inside\" list, latest check-in first (inside=false: those outside). "
                    + "active=true|false: only active or deactivated staff. staffType, availability (AVAILABLE, BUSY, "
                    + "ON_LEAVE, INACTIVE), verified=true|false, search (part of the name, any case, or 3+ digits of "
                    + "the phone). Each staff member carries profile (identity number, address and emergency phone "
                    + "masked except for admins), isVerified, availability, rating and totalReviews.")
    public Mono<Map<String, Object>> list(Caller caller, @RequestParam(required = false) UUID flatId,
                                          @RequestParam(required = false) Boolean inside,
                                          @RequestParam(required = false) Boolean active,
                                          @RequestParam(required = false) StaffType staffType,
                                          @RequestParam(required = false) StaffAvailability availability,
                                          @RequestParam(required = false) Boolean verified,
                                          @RequestParam(required = false) @Size(max = 100) String search,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID society = caller.ownSociety().value();
        UUID flatFilter = caller.flatScope(flatId);
        return Blocking.read(() -> {
            var slice = readModel.staff(new StaffReadModel.StaffFilter(society, flatFilter, inside, active, staffType,
                    availability, verified, search), request);
            return Paged.body("staff", slice.map(view -> view.seenBy(caller)), request);
        });
    }

    @GetMapping("/{staffId}")
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "A staff member", description = "With isCurrentlyWorking and currentAttendanceId.")
    public Mono<StaffView> staff(Caller caller, @PathVariable UUID staffId) {
        return visible(caller, staffId);
    }

    @GetMapping("/{staffId}/attendance")
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "A staff member's attendance, newest first",
            description = "Response: {attendance: [{id, staffId, checkInTime, checkOutTime, duration, verifiedByGuardId, "
                    + "workCompleted, ...}], pagination}; duration in whole minutes (null while inside). from/to filter "
                    + "on the check-in time: ISO-8601 instants or dates (days of the society's time zone; a date as 'to' includes that day), from "
                    + "inclusive, to exclusive. A resident sees only the visits made while the staff member worked for "
                    + "their flat.")
    public Mono<Map<String, Object>> attendance(Caller caller, @PathVariable UUID staffId,
                                                @Parameter(example = "2025-01-01") @RequestParam(required = false) String from,
                                                @Parameter(example = "2025-01-31") @RequestParam(required = false) String to,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        TimeRange.of(from, to); // refuses a malformed filter before any work
        UUID flat = caller.flatScope(null);
        return visible(caller, staffId).flatMap(staff -> Blocking.read(() -> {
            var range = TimeRange.of(from, to, zones.zoneOf(staff.societyId()));
            return Paged.body("attendance", readModel.attendanceOf(staffId, flat, range.from(), range.to(), request),
                    request);
        }));
    }

    @GetMapping("/{staffId}/flats")
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "The flats a staff member works for, with what each agreed",
            description = "Response: {assignments: [{staffId, societyId, flatId, workingDays (MONDAY..SUNDAY), startTime, "
                    + "endTime (the society's time), agreedRate, rateType (MONTHLY, DAILY, HOURLY, PER_VISIT), "
                    + "assignedAt, updatedAt}], pagination}, oldest assignment first. A resident sees only their own "
                    + "flat's; guards and auditors do not see what flats pay (403).")
    public Mono<Map<String, Object>> assignments(Caller caller, @PathVariable UUID staffId,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID flat = caller.flatScope(null);
        return visible(caller, staffId).flatMap(staff -> Blocking.read(() ->
                Paged.body("assignments", assignments.of(staffId, flat, request), request)));
    }

    @GetMapping("/attendance")
    @Allowed({Role.ADMIN, Role.GUARD, Role.AUDITOR})
    @Operation(summary = "The society's staff attendance log, newest first",
            description = "Filters: staffId, flatId (visits of staff who came for that flat), from/to on the check-in "
                    + "time (ISO-8601 instants or dates, days of the society's time zone; a date as 'to' includes that "
                    + "day). Response: {attendance: [...], pagination}.")
    public Mono<Map<String, Object>> attendanceLog(Caller caller, @RequestParam(required = false) UUID staffId,
                                                   @RequestParam(required = false) UUID flatId,
                                                   @RequestParam(required = false) String from,
                                                   @RequestParam(required = false) String to,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID society = caller.ownSociety().value();
        TimeRange.of(from, to); // refuses a malformed filter before any work
        return Blocking.read(() -> {
            var range = TimeRange.of(from, to, zones.zoneOf(society));
            return Paged.body("attendance", readModel.societyAttendance(society, staffId, flatId, range.from(),
                    range.to(), request), request);
        });
    }

    /** A resident's month: who came to their flat and for how long. */
    public record FlatMonth(UUID flatId, String month, List<StaffReadModel.FlatVisitor> staff, double totalHours) {
    }

    @GetMapping("/attendance/my-flat")
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Who came to my flat this month, with their hours",
            description = "month=YYYY-MM (default: this month of the society's calendar). Response: {flatId, month, "
                    + "staff: [{staffId, staffName, staffType, visits, totalHours, lastCheckIn}], totalHours}; hours add "
                    + "up closed visits.")
    public Mono<FlatMonth> myFlat(Caller caller, @RequestParam(required = false) String month) {
        UUID society = caller.ownSociety().value();
        if (caller.flatId() == null) {
            throw Problem.notFound("Flat");
        }
        java.time.YearMonth asked;
        try {
            asked = month == null || month.isBlank() ? null : java.time.YearMonth.parse(month.strip());
        } catch (java.time.DateTimeException e) {
            throw Problem.invalid("month", "must be a month as YYYY-MM");
        }
        return Blocking.read(() -> {
            var zone = zones.zoneOf(society);
            var which = asked != null ? asked : java.time.YearMonth.from(java.time.ZonedDateTime.now(zone));
            var visitors = readModel.visitorsOfFlat(caller.flatId(), which.atDay(1).atStartOfDay(zone).toInstant(),
                    which.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
            double total = Math.round(visitors.stream().mapToDouble(StaffReadModel.FlatVisitor::totalHours).sum() * 100) / 100.0;
            return new FlatMonth(caller.flatId(), which.toString(), visitors, total);
        });
    }

    @GetMapping("/{staffId}/reviews")
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "Reviews of a staff member, newest first",
            description = "Response: {reviews: [{id, staffId, reviewerId, flatId, month, rating, quality, punctuality, "
                    + "behaviour, comment, hidden, hiddenReason, createdAt}], pagination}. reviewerId and flatId are "
                    + "shown to admins and to the reviewer only; hidden reviews are listed to admins only. Any member of "
                    + "the society may read them (to choose whom to book).")
    public Mono<Map<String, Object>> reviews(Caller caller, @PathVariable UUID staffId,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        boolean admin = caller.role() == Role.ADMIN || caller.role() == Role.SUPER_ADMIN;
        return Blocking.readOne(() -> readModel.staff(staffId), "Staff member")
                .map(view -> view.offeredTo(caller)).flatMap(staff -> Blocking.read(() -> {
            var slice = readModel.reviews(staffId, admin, request);
            return Paged.body("reviews", slice.map(review -> review.seenBy(caller)), request);
        }));
    }

    @GetMapping("/bookings")
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "Staff bookings, soonest first",
            description = "Residents see their own flat's bookings; guards, admins and auditors the society's. Filters: "
                    + "staffId, flatId, status (PENDING, CONFIRMED, REJECTED, CANCELLED, COMPLETED), from/to on the "
                    + "start (dates are days of the society's time zone). Response: {bookings: [...], pagination}.")
    public Mono<Map<String, Object>> bookings(Caller caller, @RequestParam(required = false) UUID staffId,
                                              @RequestParam(required = false) UUID flatId,
                                              @RequestParam(required = false) StaffBookingStatus status,
                                              @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID society = caller.ownSociety().value();
        UUID flatFilter = caller.flatScope(flatId);
        TimeRange.of(from, to);
        return Blocking.read(() -> {
            var range = TimeRange.of(from, to, zones.zoneOf(society));
            return Paged.body("bookings", readModel.bookings(society, staffId, flatFilter, status, range.from(),
                    range.to(), request), request);
        });
    }

    @GetMapping("/bookings/{bookingId}")
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "A staff booking (a STAFF_BOOKING notification's referenceId)")
    public Mono<StaffBookingView> booking(Caller caller, @PathVariable UUID bookingId) {
        return Blocking.readVisible(() -> readModel.booking(bookingId),
                view -> caller.canSeeFlat(view.societyId(), view.flatId()), "Booking");
    }

    @GetMapping("/available")
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT})
    @Operation(summary = "Staff who can be booked for a slot",
            description = "date=YYYY-MM-DD, startTime and endTime as HH:MM (the society's time zone), staffType optional. "
                    + "Active staff whose availability is AVAILABLE and who hold no PENDING or CONFIRMED booking "
                    + "overlapping the slot; verified first, then by rating and name. Response: {staff: [...]}: any staff "
                    + "member of the society can be booked, so residents see them all here, without their flats and "
                    + "with the profile masked.")
    public Mono<Map<String, Object>> available(Caller caller, @RequestParam String date, @RequestParam String startTime,
                                               @RequestParam String endTime,
                                               @RequestParam(required = false) StaffType staffType) {
        UUID society = caller.ownSociety().value();
        java.time.LocalDate day;
        java.time.LocalTime start;
        java.time.LocalTime end;
        try {
            day = java.time.LocalDate.parse(date.strip());
        } catch (java.time.DateTimeException e) {
            throw Problem.invalid("date", "must be a date as YYYY-MM-DD");
        }
        try {
            start = java.time.LocalTime.parse(startTime.strip());
            end = java.time.LocalTime.parse(endTime.strip());
        } catch (java.time.DateTimeException e) {
            throw Problem.invalid("startTime", "startTime and endTime must be times as HH:MM");
        }
        if (!start.isBefore(end)) {
            throw Problem.invalid("endTime", "must be after startTime");
        }
        return Blocking.read(() -> {
            var zone = zones.zoneOf(society);
            var staff = readModel.availableFor(society, staffType, day.atTime(start).atZone(zone).toInstant(),
                    day.atTime(end).atZone(zone).toInstant());
            return Map.<String, Object>of("staff", staff.stream().map(view -> view.offeredTo(caller)).toList());
        });
    }

    @GetMapping("/{staffId}/attendance/{attendanceId}")
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "One visit of a staff member (a notification's referenceId)")
    public Mono<AttendanceView> visit(Caller caller, @PathVariable UUID staffId, @PathVariable UUID attendanceId) {
        return visible(caller, staffId)
                .flatMap(staff -> Blocking.readOptional(() -> readModel.scopedAttendance(attendanceId)))
                .filter(visit -> visit.view().staffId().equals(staffId) && (caller.role() != Role.RESIDENT
                        || visit.flatIds().contains(caller.flatId())))
                .map(StaffReadModel.ScopedAttendance::view)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Attendance")));
    }

    @GetMapping(value = "/{staffId}/qr", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "The staff member's current QR card",
            description = "{qrToken} by default; with Accept: image/png the card as a PNG image to print: the QR code, "
                    + "and under it the staff member's photo (when there is one), name and type. Older "
                    + "cards stop working when the card is rotated or the staff member deactivated (409 here then).")
    public Mono<ResponseEntity<Object>> qr(Caller caller, @PathVariable UUID staffId,
                                           @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean png = QrCardImage.wantsPng(accept);
        return visible(caller, staffId).flatMap(staff -> {
            if (!staff.isActive()) {
                return Mono.error(Problem.conflict(staff.name() + " is deactivated: there is no valid card"));
            }
            String token = cards.issue(new StaffCard(new StaffId(staff.id()), new SocietyId(staff.societyId()),
                    staff.qrVersion()));
            return QrCardImage.answer(png, new QrCode(token), token, staff.name(), staff.staffType().name(),
                    () -> staff.photoKey() == null ? null : files.read(staff.photoKey(), PHOTO_LIMIT).orElse(null));
        });
    }

    private Mono<StaffView> visible(Caller caller, UUID staffId) {
        return Blocking.readOne(() -> readModel.staff(staffId), "Staff member")
                .map(view -> view.seenBy(caller));
    }
}
