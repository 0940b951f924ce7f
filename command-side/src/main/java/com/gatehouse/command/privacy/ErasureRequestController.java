package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.privacy.ErasureRequestCommand.CarryOutErasureRequest;
import com.gatehouse.api.privacy.ErasureRequestCommand.RequestErasure;
import com.gatehouse.api.privacy.ErasureRequestCommand.Requester;
import com.gatehouse.api.privacy.ErasureRequestId;
import com.gatehouse.command.common.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.UUID;

/**
 * Erasure requests: {@code POST /api/v1/me/erasure} (a resident asks for their own data to be erased),
 * {@code POST /api/v1/admin/privacy/erasure-requests/{id}/carry-out} (an admin of their society, or the platform
 * operator, erases them). The pending list is a read (query side).
 */
@RestController
@Tag(name = "Privacy")
public class ErasureRequestController {

    private final CommandSender sender;
    private final SubjectErasure erasure;

    public ErasureRequestController(CommandSender sender, SubjectErasure erasure) {
        this.sender = sender;
        this.erasure = erasure;
    }

    public record AskBody(@Size(max = ErasureController.MAX_REASON) String reason) {
    }

    public record ErasureRequestAnswer(UUID requestId, String status) {
    }

    @PostMapping("/api/v1/me/erasure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Ask for my personal data to be erased",
            description = "Body {reason} (optional, up to 500 characters). 202 {requestId, status: PENDING}: the "
                    + "society's admins see it in GET /admin/privacy/erasure-requests and carry it out (then the "
                    + "account's name, phone and password are erased and it can no longer log in). Asking again "
                    + "while it is pending answers the same request.")
    public Mono<ErasureRequestAnswer> ask(Caller caller, @Valid @RequestBody(required = false) AskBody body) {
        if (caller.societyId() == null) {
            return Mono.error(Problem.forbidden("This account belongs to no society"));
        }
        var user = new UserId(caller.userId());
        var id = ErasureRequestId.of(user);
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        return sender.send(caller, new RequestErasure(id, user, new SocietyId(caller.societyId()), reason))
                .then(Mono.just(new ErasureRequestAnswer(id.value(), "PENDING")));
    }

    @PostMapping("/api/v1/admin/privacy/erasure-requests/{id}/carry-out")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Carry out a person's erasure request",
            description = "Erases the user who asked (as POST /admin/privacy/erasures with kind USER) and marks the "
                    + "request CARRIED_OUT; both are events in the audit trail (no erased value in them). 200 "
                    + "{requestId, status: CARRIED_OUT}, also when it was carried out before; 404 for an unknown "
                    + "request or one of another society (SUPER_ADMIN: any society).")
    public Mono<ErasureRequestAnswer> carryOut(Caller caller, @PathVariable UUID id) {
        var requestId = new ErasureRequestId(id);
        var by = new UserId(caller.userId());
        SocietyId bySociety = caller.isPlatformWide() ? null : new SocietyId(caller.societyId());
        return sender.<Requester>send(caller, new CarryOutErasureRequest(requestId, by, bySociety))
                .onErrorMap(ErasureRequestController::isUnknown, e -> Problem.notFound("Erasure request"))
                // erasing is the same as an admin's erasure of kind USER
                .flatMap(requester -> erasure.erase(caller, DataSubject.user(requester.userId().value()),
                        new SubjectErasure.Known(Optional.of(requester.societyId().value()), null),
                        "the person asked (erasure request " + id + ")", by))
                .then(Mono.just(new ErasureRequestAnswer(id, "CARRIED_OUT")));
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
