package com.gatehouse.query.admin;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Role;
import com.gatehouse.projection.admin.DeadLetters;
import com.gatehouse.projection.admin.DeadLetters.DeadLetterView;
import com.gatehouse.projection.admin.DeadLetters.RetryResult;
import com.gatehouse.query.common.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The events a processing group could not handle (its dead letters), and retrying them. Evicting one, with a
 * reason, is a command (command side, {@code DeadLetterEvictionController}).
 */
@RestController
@RequestMapping("/api/v1/admin/projections/{name}/dead-letters")
@Tag(name = "Projections")
public class DeadLettersController {

    /** The contract's list shape. */
    public record DeadLetterPage(List<DeadLetterView> deadLetters, PageRequest.Pagination pagination) {
    }

    private final DeadLetters deadLetters;

    public DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "The events a processing group could not handle, parked with their error",
            description = "Response: {deadLetters: [{id, processingGroup, eventId, eventType, aggregateType, aggregateId, "
                    + "aggregateSequenceNumber, societyId, error, errorType, firstAttempt, lastAttempt, attempts, nextRetry}], "
                    + "pagination}. An event whose error is null is parked only because an earlier event of the same "
                    + "aggregate is; it is retried right after that one. nextRetry: when the automatic retry is due. "
                    + "404 unknown group.")
    public Mono<DeadLetterPage> list(Caller caller, @PathVariable String name,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> {
            var slice = deadLetters.page(name, request);
            return new DeadLetterPage(slice.items(), request.pagination(slice.total()));
        });
    }

    @PostMapping("/{id}/retry")
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Retry one parked event now (with the later parked events of its aggregate)",
            description = "Response: {retried, failed, remaining}: retried 1 when the aggregate's parked events were all "
                    + "applied, failed 1 when one failed again (it stays parked, with the new error); remaining is the "
                    + "group's dead letters afterwards. 404 unknown group or dead letter.")
    public Mono<RetryResult> retry(Caller caller, @PathVariable String name, @PathVariable String id) {
        return Blocking.read(() -> deadLetters.retry(name, id));
    }

    @PostMapping("/retry")
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Retry every parked event of a processing group now",
            description = "Each parked aggregate once, in order. Response: {retried, failed, remaining}. 404 unknown group.")
    public Mono<RetryResult> retryAll(Caller caller, @PathVariable String name) {
        return Blocking.read(() -> deadLetters.retryAll(name));
    }
}
