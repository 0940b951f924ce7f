package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.privacy.ErasureId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * {@code POST /api/v1/admin/privacy/erasures}: erase one data subject now (a visit, a staff member, a user). A
 * society's admin erases subjects of their society, the platform operator any. The subject's society is asked of
 * the read models (a query) before the command is sent; the erasure itself is the {@link Erasure} aggregate.
 */
@RestController
@Tag(name = "Privacy")
public class ErasureController {

    static final int MAX_REASON = 500;

    private final SubjectErasure erasure;

    public ErasureController(SubjectErasure erasure) {
        this.erasure = erasure;
    }

    /**
     * {@code kind}: VISITOR (id: the entry request, pre-approval or gate pass), STAFF (the staff member or vendor),
     * USER (the account).
     */
    public record ErasureRequest(@NotNull DataSubject.Kind kind, @NotNull UUID id,
                                 @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    public record ErasureAnswer(UUID erasureId, DataSubject.Kind kind, UUID id, UUID societyId) {
    }

    @PostMapping("/api/v1/admin/privacy/erasures")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Erase a person's personal data (a visit, a staff member, a user account)",
            description = "Body {kind: VISITOR|STAFF|USER, id, reason}. VISITOR: id of the entry request, pre-approval "
                    + "or gate pass (one visit; its gate-log entries and notifications go with it). STAFF: a staff "
                    + "member or a vendor. Deletes the subject's key: every personal "
                    + "field of every event about them reads as null from now on (read models, replays, the audit "
                    + "trail, which lists such fields under $erased); the events stay, so counts and reports do not "
                    + "change. Erasing twice is one erasure (200 both times). An ADMIN erases subjects of their own "
                    + "society (another society's: 404), SUPER_ADMIN any. The reason is recorded in the "
                    + "PersonalDataErased event; never put the erased values in it. 400 without kind, id or reason; "
                    + "404 unknown subject.")
    public Mono<ErasureAnswer> erase(Caller caller, @Valid @RequestBody ErasureRequest body) {
        DataSubject subject = new DataSubject(body.kind(), body.id());
        return erasure.find(subject)
                .filter(known -> known.societyId().map(caller::canSeeSociety).orElse(caller.isPlatformWide()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound(body.kind() + " " + body.id())))
                .flatMap(known -> erasure.erase(caller, subject, known, body.reason().strip(), new UserId(caller.userId()))
                        .then(Mono.just(new ErasureAnswer(ErasureId.of(subject).value(), subject.kind(), subject.id(),
                                known.societyId().orElse(null)))));
    }
}
