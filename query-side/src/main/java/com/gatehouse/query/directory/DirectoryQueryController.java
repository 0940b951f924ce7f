package com.gatehouse.query.directory;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.directory.DirectoryViews.SocietyStats;
import com.gatehouse.api.directory.DirectoryViews.SocietyView;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** Reads of the directory for society administrators. */
@RestController
@RequestMapping("/api/v1/admin/societies")
@Tag(name = "Directory")
public class DirectoryQueryController {

    private final DirectoryReadModel readModel;
    private final SocietyTimeZones zones;
    private final Clock clock;

    public DirectoryQueryController(DirectoryReadModel readModel, SocietyTimeZones zones, Clock clock) {
        this.readModel = readModel;
        this.zones = zones;
        this.clock = clock;
    }

    @GetMapping
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Every society, with its size", description = """
            Response {societies: [{id, name, city, timeZone, active, createdAt, totalFlats, totalResidents, \
            totalGuards, totalUsers}], pagination}, by name; counts are of active members. Filters (each optional): \
            `city` (exact, case ignored), `search` (a part of the name or city), `active` (true or false).""")
    public Mono<Map<String, Object>> societies(Caller caller, @RequestParam(required = false) String city,
                                               @RequestParam(required = false) String search,
                                               @RequestParam(required = false) Boolean active,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("societies", readModel.societies(city, search, active, request), request));
    }

    @GetMapping("/{societyId}/stats")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR})
    @Operation(summary = "A society's figures today", description = """
            {societyId, totalFlats, occupiedFlats, totalBlocks, totalResidents, totalGuards, totalAdmins, totalStaff, \
            today, todayEntries, todayRequests, pendingRequests, pendingOnboardingRequests}. Members and staff are \
            the active ones; an occupied flat has an active resident. `today` is the society's date in its time zone \
            and todayEntries (visitors let in) and todayRequests (entry requests raised) count that day from its \
            midnight; pendingRequests are the entry requests waiting for a decision now, pendingOnboardingRequests \
            the onboarding requests waiting for review.""")
    public Mono<SocietyStats> stats(Caller caller, @PathVariable UUID societyId) {
        caller.requireSociety(societyId, "Society");
        return Blocking.read(() -> {
            readModel.society(societyId).orElseThrow(() -> Problem.notFound("Society"));
            ZoneId zone = zones.zoneOf(societyId);
            LocalDate today = LocalDate.now(clock.withZone(zone));
            return readModel.stats(societyId, today, today.atStartOfDay(zone).toInstant(),
                    today.plusDays(1).atStartOfDay(zone).toInstant());
        });
    }

    @GetMapping("/{societyId}")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR})
    @Operation(summary = "A society")
    public Mono<SocietyView> society(Caller caller, @PathVariable UUID societyId) {
        caller.requireSociety(societyId, "Society");
        return Blocking.readOne(() -> readModel.society(societyId), "Society");
    }

    @GetMapping("/{societyId}/flats")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Flats of a society, newest first", description = "Response: {flats: [...], pagination}.")
    public Mono<Map<String, Object>> flats(Caller caller, @PathVariable UUID societyId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer limit) {
        caller.requireSociety(societyId, "Society");
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("flats", readModel.flats(societyId, request), request));
    }

    @GetMapping("/{societyId}/users")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Users of a society, newest first",
            description = "Response: {users: [...], pagination}. `role` filters by role (e.g. GUARD for the guards).")
    public Mono<Map<String, Object>> users(Caller caller, @PathVariable UUID societyId,
                                           @RequestParam(required = false) Role role,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer limit) {
        caller.requireSociety(societyId, "Society");
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("users", readModel.users(societyId, role, request), request));
    }
}
