package com.gatehouse.command.staff;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.staff.StaffCards;
import com.gatehouse.api.staff.StaffCards.StaffCard;
import com.gatehouse.api.staff.StaffCommand.AssignStaffToFlat;
import com.gatehouse.api.staff.StaffCommand.CheckInStaff;
import com.gatehouse.api.staff.StaffCommand.CheckOutStaff;
import com.gatehouse.api.staff.StaffCommand.DeactivateStaff;
import com.gatehouse.api.staff.StaffCommand.RegisterStaff;
import com.gatehouse.api.staff.StaffCommand.RotateStaffCard;
import com.gatehouse.api.staff.StaffCommand.ScanStaffCard;
import com.gatehouse.api.staff.StaffCommand.UnassignStaffFromFlat;
import com.gatehouse.api.staff.StaffCommand.UpdateStaff;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.api.staff.StaffQuery.FindAttendance;
import com.gatehouse.api.staff.StaffQuery.FindLatestAttendanceOfStaff;
import com.gatehouse.api.staff.AssignmentTerms;
import com.gatehouse.api.staff.StaffCommand.SetAssignmentTerms;
import com.gatehouse.api.staff.StaffQuery.FindStaff;
import com.gatehouse.api.staff.StaffQuery.FindStaffAssignment;
import com.gatehouse.api.staff.StaffViews.StaffAssignmentView;
import com.gatehouse.command.common.UnknownAggregate;
import com.gatehouse.api.staff.StaffType;
import com.gatehouse.api.staff.StaffViews.AttendanceOutcome;
import com.gatehouse.api.staff.StaffViews.AttendanceView;
import com.gatehouse.api.staff.StaffViews.QrCode;
import com.gatehouse.api.staff.StaffViews.ScanResult;
import com.gatehouse.api.staff.StaffViews.StaffView;
import com.gatehouse.api.upload.UploadPurpose;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocumentByKey;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import com.gatehouse.command.directory.DirectoryCommandController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Changes to domestic staff and their attendance: register, update, assign flats, deactivate, rotate
 * the QR card; and the gate's side: scan a card, check in, check out. Reads are served by the query side.
 */
@RestController
@RequestMapping("/api/v1/staff/domestic")
@Tag(name = "Domestic staff", description = """
        Domestic staff (maids, cooks, drivers...) of a society and their attendance. Admins manage the staff of \
        their society; a resident sees and manages only the staff working for their own flat. Each staff member \
        has a QR card: a short token signed by the server (a JWT, alg EdDSA with the Ed25519 key published at \
        /.well-known/jwks.json, header typ "card+jwt", claims sub, sid, ver; the ids as their 16 bytes in base64url) naming the staff member, society and \
        card version (cards printed before, RS256, keep working until rotated); rotating the card or \
        deactivating the staff member makes older cards useless. A guard's scan checks in or out, and every \
        resident of every flat the staff member works for is notified (STAFF_CHECKIN / STAFF_CHECKOUT). A visit \
        still open after gatehouse.staff.auto-checkout-after (default 16 h) is closed automatically and marked \
        autoClosed. Live: the RSocket route staff.attendance.stream sends the open visits (who is inside) first, \
        then every check-in and check-out as an attendance object with staffName and staffType (guards and admins: \
        their society; residents: the staff of their own flat).""")
public class StaffCommandController {

    private final CommandSender sender;
    private final StaffCards cards;

    public StaffCommandController(CommandSender sender, StaffCards cards) {
        this.sender = sender;
        this.cards = cards;
    }

    public record RegisterStaffRequest(@NotBlank @Size(max = 120) String name,
                                       @NotBlank @Pattern(regexp = DirectoryCommandController.PHONE,
                                               message = DirectoryCommandController.PHONE_MESSAGE) String phone,
                                       @NotNull StaffType staffType,
                                       @Size(max = 50) List<UUID> flatIds,
                                       @Size(max = 1024) String photoKey) {
    }

    public record UpdateStaffRequest(@Size(min = 1, max = 120) String name,
                                     @Pattern(regexp = DirectoryCommandController.PHONE,
                                             message = DirectoryCommandController.PHONE_MESSAGE) String phone,
                                     StaffType staffType,
                                     @Size(max = 1024) String photoKey) {
    }

    public record AssignFlatRequest(@NotNull UUID flatId) {
    }

    public record TermsRequest(@Size(max = 7) List<java.time.DayOfWeek> workingDays, java.time.LocalTime startTime,
                               java.time.LocalTime endTime,
                               @jakarta.validation.constraints.DecimalMin("0")
                               @jakarta.validation.constraints.DecimalMax("10000000") java.math.BigDecimal agreedRate,
                               com.gatehouse.api.staff.RateType rateType) {
    }

    public record ScanRequest(@NotBlank @Size(max = 4096) String qrToken) {
    }

    public record CheckOutRequest(Boolean workCompleted) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "Register a domestic staff member",
            description = "An admin names any flats of the society; a resident only their own flat (flatIds may "
                    + "then be left out). photoKey, when given, is a confirmed STAFF_PHOTO upload of this society. "
                    + "Phone numbers need not be unique: one person registered twice is two staff members (an admin "
                    + "can instead assign one staff member to several flats).")
    public Mono<StaffView> register(Caller caller, @Valid @RequestBody RegisterStaffRequest body,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        List<UUID> flats = body.flatIds() == null || body.flatIds().isEmpty()
                ? (caller.role() == Role.RESIDENT ? List.of(caller.flatId()) : List.of())
                : body.flatIds();
        if (flats.isEmpty()) {
            throw Problem.invalid("flatIds", "name at least one flat the staff member works for");
        }
        for (UUID flat : flats) {
            if (flat == null) {
                throw Problem.invalid("flatIds", "must not contain null");
            }
            caller.requireFlat(caller.societyId(), flat, "Flat");
        }
        var id = Idempotency.newId(caller, "staff", key);
        var command = new RegisterStaff(new StaffId(id), caller.ownSociety(), caller.actingFlat(), body.name(),
                body.phone(), body.staffType(), flats.stream().map(FlatId::new).toList(), body.photoKey());
        return requirePhoto(caller, body.photoKey())
                .then(sender.create(caller, command, Idempotency.given(key), new FindStaff(id), StaffView.class))
                .map(view -> view.seenBy(caller));
    }

    @PatchMapping("/{staffId}")
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "Change a staff member's name, phone, type or photo", description = "Fields left out stay as they are.")
    public Mono<StaffView> update(Caller caller, @PathVariable UUID staffId, @Valid @RequestBody UpdateStaffRequest body) {
        return visible(caller, staffId)
                .flatMap(staff -> requirePhoto(caller, body.photoKey()))
                .then(sender.sendAndRead(caller, new UpdateStaff(new StaffId(staffId), caller.ownSociety(),
                                caller.actingFlat(), body.name(), body.phone(), body.staffType(), body.photoKey()),
                        new FindStaff(staffId), StaffView.class))
                .map(view -> view.seenBy(caller));
    }

    @PostMapping("/{staffId}/flats")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Add a flat the staff member works for")
    public Mono<StaffView> assignFlat(Caller caller, @PathVariable UUID staffId, @Valid @RequestBody AssignFlatRequest body) {
        return visible(caller, staffId).then(sender.sendAndRead(caller,
                new AssignStaffToFlat(new StaffId(staffId), caller.ownSociety(), new FlatId(body.flatId())),
                new FindStaff(staffId), StaffView.class));
    }

    @PutMapping("/{staffId}/flats/{flatId}/terms")
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "Set what a flat agreed with a staff member who works for it",
            description = "Body {workingDays? [MONDAY..SUNDAY], startTime?, endTime? (HH:mm, the society's time; both "
                    + "or neither, start before end), agreedRate?, rateType? (MONTHLY, DAILY, HOURLY, PER_VISIT; with "
                    + "agreedRate)}: the whole terms, replacing the previous ones (an empty body clears them). A resident "
                    + "sets only their own flat's (another flat, or a staff member not working for the flat: 404); an "
                    + "admin any flat's. Answers the assignment; setting the same terms again changes nothing.")
    public Mono<StaffAssignmentView> setTerms(Caller caller, @PathVariable UUID staffId, @PathVariable UUID flatId,
                                              @Valid @RequestBody TermsRequest body) {
        var terms = new AssignmentTerms(body.workingDays(), body.startTime(), body.endTime(), body.agreedRate(),
                body.rateType());
        return sender.sendAndRead(caller, new SetAssignmentTerms(new StaffId(staffId), caller.ownSociety(),
                        caller.actingFlat(), new FlatId(flatId), terms, new UserId(caller.userId())),
                new FindStaffAssignment(staffId, flatId), StaffAssignmentView.class)
                .onErrorMap(UnknownAggregate::causedBy, unknown -> Problem.notFound("Staff member"));
    }

    @DeleteMapping("/{staffId}/flats/{flatId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "Remove a flat the staff member works for",
            description = "A resident may remove only their own flat (\"we no longer employ her\"); the staff member "
                    + "then disappears from their lists. The last flat cannot be removed (409): deactivate instead.")
    public Mono<Void> unassignFlat(Caller caller, @PathVariable UUID staffId, @PathVariable UUID flatId) {
        return visible(caller, staffId).then(sender.sendVisible(caller,
                new UnassignStaffFromFlat(new StaffId(staffId), caller.ownSociety(), caller.actingFlat(), new FlatId(flatId)),
                FindStaff.class)).then();
    }

    @PostMapping("/{staffId}/deactivate")
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "Deactivate a staff member: their cards stop working",
            description = "A resident may deactivate only staff working for their flat alone (409 otherwise). A staff "
                    + "member who is inside can still be checked out.")
    public Mono<StaffView> deactivate(Caller caller, @PathVariable UUID staffId) {
        return visible(caller, staffId).then(sender.sendAndRead(caller,
                        new DeactivateStaff(new StaffId(staffId), caller.ownSociety(), caller.actingFlat()),
                        new FindStaff(staffId), StaffView.class))
                .map(view -> view.seenBy(caller));
    }

    @PostMapping("/{staffId}/qr/rotate")
    @Allowed({Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "Issue a new QR card, revoking every older one", description = "Answers {qrToken} of the new card.")
    public Mono<QrCode> rotateCard(Caller caller, @PathVariable UUID staffId) {
        return visible(caller, staffId).then(sender.<Integer, StaffView>sendAndReadResult(caller,
                        new RotateStaffCard(new StaffId(staffId), caller.ownSociety(), caller.actingFlat()),
                        version -> new FindStaff(staffId), StaffView.class))
                .map(answer -> new QrCode(cards.issue(new StaffCard(new StaffId(staffId), caller.ownSociety(),
                        answer.result()))));
    }

    @PostMapping("/scan")
    @Allowed(Role.GUARD)
    @Operation(summary = "Scan a staff member's QR card: checks in when out, out when in",
            description = "Answers {action: CHECK_IN|CHECK_OUT, attendance}. Refusals: a token that is not a card "
                    + "signed by this server (forged, altered, another kind of token) 400; a card of another society "
                    + "404; a revoked card (a newer one was issued) or a deactivated staff member 409; a scan within "
                    + "gatehouse.staff.repeat-scan-window (default 1 min) of the staff member's last check-in or "
                    + "check-out 409 (two guards scanning one card at once make exactly one check-in). With "
                    + "Idempotency-Key a retried scan answers its first result; the key reused for another card "
                    + "answers 422, and while the first scan is still being handled 409.")
    public Mono<ScanResult> scan(Caller caller, @Valid @RequestBody ScanRequest body,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        StaffCard card = cards.read(body.qrToken());
        caller.requireSociety(card.societyId().value(), "Staff member");
        return attend(caller, card.staffId(), new ScanStaffCard(card.staffId(), caller.ownSociety(),
                new UserId(caller.userId()), card.version(), requestId(caller, card.staffId(), key)));
    }

    @PostMapping("/{staffId}/check-in")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.GUARD)
    @Operation(summary = "Check a staff member in by hand (no card)",
            description = "Answers the new attendance. 409 when already in or deactivated.")
    public Mono<AttendanceView> checkIn(Caller caller, @PathVariable UUID staffId,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return visible(caller, staffId).then(attend(caller, new StaffId(staffId), new CheckInStaff(new StaffId(staffId),
                caller.ownSociety(), new UserId(caller.userId()), requestId(caller, new StaffId(staffId), key))))
                .map(ScanResult::attendance);
    }

    @PostMapping("/{staffId}/check-out")
    @Allowed(Role.GUARD)
    @Operation(summary = "Check a staff member out by hand", description = "Body optional: {workCompleted}. "
            + "Answers the closed attendance with its duration in minutes. 409 when not checked in.")
    public Mono<AttendanceView> checkOut(Caller caller, @PathVariable UUID staffId,
                                         @RequestBody(required = false) CheckOutRequest body,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Boolean workCompleted = body == null ? null : body.workCompleted();
        return visible(caller, staffId).then(attend(caller, new StaffId(staffId), new CheckOutStaff(new StaffId(staffId),
                caller.ownSociety(), new UserId(caller.userId()), workCompleted, requestId(caller, new StaffId(staffId), key))))
                .map(ScanResult::attendance);
    }

    /** Sends a check-in/out and answers once the attendance read model shows what it did. */
    private Mono<ScanResult> attend(Caller caller, StaffId staffId, Object command) {
        return sender.<AttendanceOutcome, AttendanceView>sendAndReadResult(caller, command,
                        outcome -> new FindAttendance(outcome.attendanceId().value()), AttendanceView.class)
                .map(answer -> new ScanResult(answer.result().action(), answer.view()));
    }

    /** The staff member as the caller may see them, or 404. */
    private Mono<StaffView> visible(Caller caller, UUID staffId) {
        return sender.find(new FindStaff(staffId), StaffView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Staff member")))
                .map(view -> view.seenBy(caller));
    }

    /** A photo must be a confirmed STAFF_PHOTO upload of the caller's society (checked with the upload context). */
    private Mono<Void> requirePhoto(Caller caller, String photoKey) {
        if (photoKey == null || photoKey.isBlank()) {
            return Mono.empty();
        }
        return sender.find(new FindDocumentByKey(photoKey.strip()), DocumentView.class)
                .filter(document -> document.purpose() == UploadPurpose.STAFF_PHOTO
                        && Objects.equals(document.societyId(), caller.societyId()))
                .switchIfEmpty(Mono.error(() -> Problem.invalid("photoKey",
                        "must be the s3Key of a confirmed STAFF_PHOTO upload of this society")))
                .then();
    }

    /**
     * The request's id (and the id of a visit it opens): derived from the caller's key and the staff member,
     * so one key used for two staff members can never name the same visit (the HTTP layer also answers 422
     * to a key reused with another request).
     */
    private static UUID requestId(Caller caller, StaffId staff, String idempotencyKey) {
        return Idempotency.newId(caller, "staff-attendance:" + staff.value(), idempotencyKey);
    }
}
