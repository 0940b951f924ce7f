package com.gatehouse.query.directory;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.directory.DirectoryViews.SocietyView;
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

import java.util.Map;
import java.util.UUID;

/** Reads of the directory for society administrators. */
@RestController
@RequestMapping("/api/v1/admin/societies")
@Tag(name = "Directory")
public class DirectoryQueryController {

    private final DirectoryReadModel readModel;

    public DirectoryQueryController(DirectoryReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/{societyId}")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR})
    @Operation(summary = "A society")
    public Mono<SocietyView> society(Caller caller, @PathVariable UUID societyId) {
        caller.requireSociety(societyId, "Society");
        return Blocking.readOptional(() -> readModel.society(societyId))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Society")));
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
