package com.gatehouse.query.emergency;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.emergency.EmergencyStatus;
import com.gatehouse.api.emergency.EmergencyType;
import com.gatehouse.api.emergency.EmergencyView;
import com.gatehouse.projection.emergency.EmergencyReadModel;
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

import java.util.Map;
import java.util.UUID;

/**
 * Reads of emergencies. Guards and admins see their society's; any other member their own reports, their flat's,
 * and those escalated to their block. Anything else, and anything of another society, answers 404.
 */
@RestController
@RequestMapping("/api/v1/community/emergencies")
@Tag(name = "Emergencies")
public class EmergencyQueryController {

    private final EmergencyReadModel emergencies;
    private final EmergencyQueryHandler handler;
    private final SocietyTimeZones zones;

    public EmergencyQueryController(EmergencyReadModel emergencies, EmergencyQueryHandler handler,
                                    SocietyTimeZones zones) {
        this.emergencies = emergencies;
        this.handler = handler;
        this.zones = zones;
    }

    @GetMapping
    @Allowed({Role.GUARD, Role.ADMIN})
    @Operation(summary = "The society's emergencies, newest first",
            description = "Filters status (ACTIVE, RESOLVED, FALSE_ALARM), type, from/to on the time it was raised "
                    + "(ISO-8601 instants, or dates as days of the society's time zone). Response: {emergencies: [...], pagination}.")
    public Mono<Map<String, Object>> list(Caller caller, @RequestParam(required = false) EmergencyStatus status,
                                          @RequestParam(required = false) EmergencyType type,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        TimeRange.of(from, to); // refuses a malformed filter before any work
        return Blocking.read(() -> {
            var range = TimeRange.of(from, to, zones.zoneOf(caller.societyId()));
            return Paged.body("emergencies",
                    emergencies.list(caller.societyId(), status, type, range.from(), range.to(), request), request);
        });
    }

    @GetMapping("/active")
    @Allowed({Role.GUARD, Role.ADMIN})
    @Operation(summary = "The society's ACTIVE emergencies, newest first",
            description = "Responded or not. Response: {emergencies: [...], pagination}.")
    public Mono<Map<String, Object>> active(Caller caller, @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("emergencies", emergencies.active(caller.societyId(), request), request));
    }

    @GetMapping("/my")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN})
    @Operation(summary = "The emergencies you raised, newest first",
            description = "Response: {emergencies: [...], pagination}.")
    public Mono<Map<String, Object>> mine(Caller caller, @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("emergencies",
                emergencies.reportedBy(caller.societyId(), caller.userId(), request), request));
    }

    @GetMapping("/{id}")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN})
    @Operation(summary = "An emergency",
            description = "Guards and admins: any of their society. Residents: their own, their flat's, and those "
                    + "escalated to their block. Otherwise 404.")
    public Mono<EmergencyView> emergency(Caller caller, @PathVariable UUID id) {
        return Blocking.readVisible(() -> emergencies.find(id), view -> handler.watchOf(caller).shows(view),
                "Emergency");
    }
}
