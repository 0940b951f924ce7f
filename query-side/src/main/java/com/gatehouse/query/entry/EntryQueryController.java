package com.gatehouse.query.entry;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.entry.EntryRequestStatus;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.entry.EntryViews.EntryView;
import com.gatehouse.api.upload.ObjectUrls;
import com.gatehouse.projection.entry.EntryRequestReadModel;
import com.gatehouse.projection.entry.GateLogReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import com.gatehouse.query.common.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of entry requests and the gate log. Guards and admins see their society; residents only their own
 * flat: another flat's or society's request or entry answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/gate")
@Tag(name = "Gate")
public class EntryQueryController {

    /** How many of today's entries {@code GET /gate/entries/today} lists. */
    static final int TODAY_LIMIT = 500;

    private final EntryRequestReadModel requests;
    private final GateLogReadModel gateLog;
    private final ObjectUrls objectUrls;
    private final com.gatehouse.api.directory.SocietyTimeZones zones;
    private final Clock clock;

    public EntryQueryController(EntryRequestReadModel requests, GateLogReadModel gateLog,
                                ObjectUrls objectUrls, com.gatehouse.api.directory.SocietyTimeZones zones, Clock clock) {
        this.zones = zones;
        this.requests = requests;
        this.gateLog = gateLog;
        this.objectUrls = objectUrls;
        this.clock = clock;
    }

    @GetMapping("/requests/pending-count")
    @Allowed(Role.GUARD)
    @Operation(summary = "How many of the guard's own requests still wait for the flat",
            description = "{pendingCount}: the caller's PENDING requests not yet past expiresAt.")
    public Mono<Map<String, Long>> pendingCount(Caller caller) {
        return Blocking.read(() -> Map.of("pendingCount", requests.pendingOfGuard(caller.userId(), clock.instant())));
    }

    @GetMapping("/entries/today")
    @Allowed({Role.GUARD, Role.ADMIN})
    @Operation(summary = "Today's gate: the entries of today and their counts",
            description = "Today is the society's (its time zone). {date, timeZone, entries: [...] (newest first, at "
                    + "most 500), counts: {total, inside, checkedOut, autoApproved, preApproved, byType}, "
                    + "requests: {PENDING, APPROVED, REJECTED, EXPIRED} (requests raised today)}.")
    public Mono<Map<String, Object>> today(Caller caller) {
        return Blocking.read(() -> {
            ZoneId zone = zones.zoneOf(caller.societyId());
            LocalDate day = LocalDate.now(clock.withZone(zone));
            Instant from = day.atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("date", day.toString());
            body.put("timeZone", zone.getId());
            body.put("entries", gateLog.between(caller.societyId(), from, to, TODAY_LIMIT));
            body.put("counts", gateLog.counts(caller.societyId(), from, to));
            body.put("requests", requests.countsByStatus(caller.societyId(), from, to));
            return body;
        });
    }

    @GetMapping("/requests")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "Entry requests, newest first",
            description = "Filters status and flatId; residents see only their own flat. Response: {entryRequests: [...], pagination}.")
    public Mono<Map<String, Object>> requests(Caller caller, @RequestParam(required = false) EntryRequestStatus status,
                                              @RequestParam(required = false) UUID flatId,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID flat = caller.flatScope(flatId);
        return Blocking.read(() -> Paged.body("entryRequests",
                requests.list(caller.societyId(), flat, status, request), request));
    }

    @GetMapping("/requests/{id}")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "An entry request")
    public Mono<EntryRequestView> request(Caller caller, @PathVariable UUID id) {
        return visibleRequest(caller, id);
    }

    @GetMapping("/requests/{id}/photo")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "A short-lived link to the request's photo",
            description = "Response {url, expiresAt} (a pre-signed GET, valid gatehouse.upload.view-url-ttl); "
                    + "404 when the request has no photo, also once the photo was deleted from the object store (the "
                    + "request then shows photoDeletedAt: entry photos are kept gatehouse.privacy.entry-photo-retention, "
                    + "P90D, or the society's own setting). Same rule as the upload context: the society's guards and "
                    + "admins, and the residents of the request's flat.")
    public Mono<ObjectUrls.SignedUrl> photo(Caller caller, @PathVariable UUID id) {
        return visibleRequest(caller, id)
                .filter(view -> view.photoKey() != null)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Photo")))
                .flatMap(view -> Blocking.read(() -> objectUrls.viewUrl(view.photoKey())));
    }

    @GetMapping("/entries")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "The gate log, newest first",
            description = "Filters: from/to on the time of entry (ISO-8601 instants or dates, as every history read: "
                    + "from inclusive, to exclusive, a date as to includes that day; dates are days of the society's time zone), "
                    + "flatId, open (true: still inside, false: checked out). Residents see only their own flat. "
                    + "Response: {entries: [...], pagination}.")
    public Mono<Map<String, Object>> entries(Caller caller,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) UUID flatId,
                                             @RequestParam(required = false) Boolean open,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        TimeRange.of(from, to); // refuses a malformed filter before any work
        UUID flat = caller.flatScope(flatId);
        return Blocking.read(() -> {
            var range = TimeRange.of(from, to, zones.zoneOf(caller.societyId()));
            return Paged.body("entries", gateLog.list(caller.societyId(), flat, range.from(), range.to(), open, request),
                    request);
        });
    }

    @GetMapping("/entries/{id}")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    @Operation(summary = "An entry of the gate log")
    public Mono<EntryView> entry(Caller caller, @PathVariable UUID id) {
        return Blocking.readVisible(() -> gateLog.find(id), view -> caller.canSeeFlat(view.societyId(), view.flatId()),
                "Entry");
    }

    private Mono<EntryRequestView> visibleRequest(Caller caller, UUID id) {
        return Blocking.readVisible(() -> requests.find(id), view -> caller.canSeeFlat(view.societyId(), view.flatId()),
                "Entry request");
    }
}
