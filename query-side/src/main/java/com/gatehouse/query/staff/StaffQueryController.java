package com.gatehouse.query.staff;

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
import com.gatehouse.query.common.Paged;
import com.gatehouse.query.common.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
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

    public StaffQueryController(StaffReadModel readModel, StaffCards cards, StoredFiles files,
                                com.gatehouse.api.directory.SocietyTimeZones zones) {
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
                    + "active=true|false: only active or deactivated staff.")
    public Mono<Map<String, Object>> list(Caller caller, @RequestParam(required = false) UUID flatId,
                                          @RequestParam(required = false) Boolean inside,
                                          @RequestParam(required = false) Boolean active,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID society = society(caller);
        UUID flat = flatId;
        if (caller.role() == Role.RESIDENT) {
            if (flat != null) {
                caller.requireFlat(society, flat, "Flat");
            }
            flat = caller.flatId();
        }
        UUID flatFilter = flat;
        return Blocking.read(() -> {
            var slice = readModel.staff(society, flatFilter, inside, active, request);
            return Paged.body("staff", new PageRequest.Slice<>(
                    slice.items().stream().map(view -> view.seenBy(caller)).toList(), slice.total()), request);
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
        UUID flat = caller.role() == Role.RESIDENT ? caller.flatId() : null;
        return visible(caller, staffId).flatMap(staff -> Blocking.read(() -> {
            var range = TimeRange.of(from, to, zones.zoneOf(staff.societyId()));
            return Paged.body("attendance", readModel.attendanceOf(staffId, flat, range.from(), range.to(), request),
                    request);
        }));
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
        boolean png = wantsPng(accept);
        return visible(caller, staffId).flatMap(staff -> {
            if (!staff.isActive()) {
                return Mono.error(Problem.conflict(staff.name() + " is deactivated: there is no valid card"));
            }
            String token = cards.issue(new StaffCard(new StaffId(staff.id()), new SocietyId(staff.societyId()),
                    staff.qrVersion()));
            var response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
            if (png) {
                return Blocking.read(() -> StaffCardImage.png(token, staff.name(), staff.staffType().name(),
                                staff.photoKey() == null ? null : files.read(staff.photoKey(), PHOTO_LIMIT).orElse(null)))
                        .map(bytes -> response.contentType(MediaType.IMAGE_PNG).body((Object) bytes));
            }
            return Mono.just(response.contentType(MediaType.APPLICATION_JSON).body((Object) new QrCode(token)));
        });
    }

    /** PNG when the client asks for an image before (or instead of) JSON. */
    static boolean wantsPng(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("image") && type.isCompatibleWith(MediaType.IMAGE_PNG)) {
                return true;
            }
        }
        return false;
    }

    private Mono<StaffView> visible(Caller caller, UUID staffId) {
        return Blocking.readOptional(() -> readModel.staff(staffId))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Staff member")))
                .map(view -> view.seenBy(caller));
    }

    private static UUID society(Caller caller) {
        if (caller.societyId() == null) {
            throw Problem.notFound("Society");
        }
        return caller.societyId();
    }
}
