package com.gatehouse.query.admin;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.projection.admin.ProjectionAdmin;
import com.gatehouse.projection.admin.ProjectionAdmin.ProjectionStatus;
import com.gatehouse.query.common.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** The projections (read models) and their rebuilds. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Projections")
public class ProjectionsController {

    private final ProjectionAdmin admin;

    public ProjectionsController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "Each projection's position, the head of the event store, lag, replay state and progress",
            description = "Response: {projections: [{name, position, head, lag, replaying, replayable, progress, running, error, "
                    + "rebuild, deadLetters, lastError}]}; position, lag and progress (the percentage of the event history "
                    + "processed) are those of the served read model; replaying says a rebuild is in progress; rebuild is the "
                    + "latest rebuild or null: {state BUILDING|SWITCHING|SWITCHED|FAILED, position, head, lag, progress, "
                    + "startedAt, switchedAt, failure}; error is true while the processor fails or deadLetters (events it "
                    + "could not handle, parked) is above 0, lastError the latest of their errors (shown to SUPER_ADMIN "
                    + "only: it may quote any society's data).")
    public Mono<Map<String, List<ProjectionStatus>>> projections(Caller caller) {
        return Blocking.read(() -> Map.of("projections", admin.statuses().stream()
                .map(status -> errorTextFor(caller, status)).toList()));
    }

    @GetMapping("/{name}")
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "One projection's state")
    public Mono<ProjectionStatus> projection(Caller caller, @PathVariable String name) {
        return Blocking.read(() -> errorTextFor(caller, admin.status(name)));
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Rebuild a projection from the first event, beside the served one, and switch to it",
            description = "202 with the projection's state, its rebuild BUILDING; follow rebuild.progress with GET until "
                    + "rebuild.state is SWITCHED. The served read model answers and sends live updates as before meanwhile; "
                    + "the rebuild sends none. 404 unknown name; 409 when it is already being rebuilt or is a side-effect "
                    + "group (notifications are never sent again).")
    public Mono<ProjectionStatus> replay(Caller caller, @PathVariable String name) {
        return Blocking.read(() -> admin.replay(name));
    }

    /** The last error's text may quote a row of any society: only the platform operator sees it. */
    private static ProjectionStatus errorTextFor(Caller caller, ProjectionStatus status) {
        return caller.hasRole(Role.SUPER_ADMIN) ? status : status.withoutErrorText();
    }
}
