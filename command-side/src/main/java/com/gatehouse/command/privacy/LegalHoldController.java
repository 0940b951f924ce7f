package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.privacy.LegalHoldCommand.PlaceLegalHold;
import com.gatehouse.api.privacy.LegalHoldCommand.ReleaseLegalHold;
import com.gatehouse.api.privacy.LegalHoldId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * {@code /api/v1/admin/privacy/holds}: a legal hold keeps a person's data from being erased (retention rules skip
 * them, an erasure answers 409) until it is released. Placed and released by an admin of the person's society or the
 * platform operator; both are events in the audit trail with who and why.
 */
@RestController
@Tag(name = "Privacy")
public class LegalHoldController {

    private final com.gatehouse.command.common.CommandSender sender;
    private final SubjectErasure erasure;

    public LegalHoldController(com.gatehouse.command.common.CommandSender sender, SubjectErasure erasure) {
        this.sender = sender;
        this.erasure = erasure;
    }

    public record HoldBody(@NotNull DataSubject.Kind kind, @NotNull UUID id,
                           @NotBlank @Size(max = ErasureController.MAX_REASON) String reason) {
    }

    public record HoldAnswer(UUID holdId, DataSubject.Kind kind, UUID id, UUID societyId, String reason) {
    }

    @PostMapping("/api/v1/admin/privacy/holds")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Hold a person's data against erasure (legal hold)",
            description = "Body {kind: VISITOR|STAFF|USER, id, reason} (the same subjects as POST "
                    + "/admin/privacy/erasures). While held, no retention rule erases the person (visits after "
                    + "gatehouse.privacy.visitor-retention, deactivated accounts and staff after "
                    + "gatehouse.privacy.deactivated-retention) and an erasure answers 409. 201 {holdId, kind, id, "
                    + "societyId, reason}; 409 when already held; 404 unknown subject or another society's (SUPER_ADMIN: "
                    + "any). The LegalHoldPlaced event records who and why (never put the person's data in the reason).")
    public Mono<HoldAnswer> place(Caller caller, @Valid @RequestBody HoldBody body) {
        DataSubject subject = new DataSubject(body.kind(), body.id());
        String reason = body.reason().strip();
        return erasure.find(subject)
                .filter(known -> known.societyId().map(caller::canSeeSociety).orElse(caller.isPlatformWide()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound(body.kind() + " " + body.id())))
                .flatMap(known -> sender.send(caller, new PlaceLegalHold(subject,
                                known.societyId().map(SocietyId::new).orElse(null), reason, new UserId(caller.userId())))
                        .then(Mono.just(new HoldAnswer(LegalHoldId.of(subject).value(), subject.kind(), subject.id(),
                                known.societyId().orElse(null), reason))));
    }

    @DeleteMapping("/api/v1/admin/privacy/holds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Release a legal hold",
            description = "{id}: the held person's id (as given when placing). From then on retention rules and "
                    + "erasures apply again (a deactivated account past its retention goes at the next daily sweep). "
                    + "204; 404 when the person is not held or belongs to another society (SUPER_ADMIN: any).")
    public Mono<Void> release(Caller caller, @PathVariable UUID id) {
        SocietyId bySociety = caller.isPlatformWide() ? null : new SocietyId(caller.societyId());
        return sender.send(caller, new ReleaseLegalHold(LegalHoldId.of(id), bySociety, new UserId(caller.userId())))
                .onErrorMap(LegalHoldController::isUnknown, e -> Problem.notFound("Legal hold"))
                .then();
    }

    private static boolean isUnknown(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException || t instanceof IncompatibleAggregateException) {
                return true;
            }
        }
        return false;
    }
}
