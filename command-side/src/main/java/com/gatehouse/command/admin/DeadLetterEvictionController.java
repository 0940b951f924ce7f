package com.gatehouse.command.admin;

import com.gatehouse.api.admin.DeadLetterCommand.EvictDeadLetter;
import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.command.common.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /admin/projections/{name}/dead-letters/{id}/evict}: the platform operator gives up on one parked
 * event, with a reason; recorded as a {@code DeadLetterEvicted} event (see {@link DeadLetterEviction}).
 * Listing and retrying dead letters are reads and re-runs, served next to the projections' state (query side).
 */
@RestController
@Tag(name = "Projections")
public class DeadLetterEvictionController {

    private final CommandSender sender;

    public DeadLetterEvictionController(CommandSender sender) {
        this.sender = sender;
    }

    public record EvictionRequest(@NotBlank @Size(max = DeadLetterEviction.MAX_REASON) String reason) {
    }

    @PostMapping("/api/v1/admin/projections/{name}/dead-letters/{id}/evict")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Give up on one parked event of a processing group, with a reason",
            description = "Body {reason} (required, 1-1000 characters). The event leaves the group's dead letters for "
                    + "good (the group never applies it; the later events of its aggregate that were parked behind "
                    + "it stay parked until retried) and a DeadLetterEvicted event records the event, its last "
                    + "error, who evicted it and why: it shows in the audit trail (platform-wide, and in the "
                    + "society's own when the event belonged to one). 204; 400 without a reason; 404 unknown group "
                    + "or dead letter.")
    public Mono<Void> evict(Caller caller, @PathVariable String name, @PathVariable String id,
                            @Valid @RequestBody EvictionRequest body) {
        return sender.<Object>send(caller, new EvictDeadLetter(id, name, body.reason(), new UserId(caller.userId())))
                .then();
    }
}
