package com.gatehouse.command.gatepass;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.GateTokens;
import com.gatehouse.api.common.GateTokens.GateToken;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.gatepass.GatePassCommand.ApproveGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.CancelGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.RejectGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.RequestGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.ScanGatePass;
import com.gatehouse.api.gatepass.GatePassId;
import com.gatehouse.api.gatepass.GatePassQuery.FindGatePass;
import com.gatehouse.api.gatepass.GatePassStatus;
import com.gatehouse.api.gatepass.GatePassType;
import com.gatehouse.api.gatepass.GatePassView;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocument;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import com.gatehouse.command.common.MultiLine;
import com.gatehouse.command.directory.DirectoryCommandController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Gate passes' changes: residents ask for one for their flat (and may cancel it before use), admins approve
 * or reject, guards scan it through the gate once. Reads (lists, one, its QR) are served by the query side.
 */
@RestController
@RequestMapping("/api/v1/gate/passes")
@Tag(name = GatePassCommandController.TAG, description = """
        Passes for goods, vehicles, moves and maintenance work (MATERIAL, VEHICLE, MOVE_IN, MOVE_OUT, MAINTENANCE). \
        A resident asks for one for their flat (items, vehicle, driver, worker, company, attachments, a window); \
        an admin of the society approves or rejects it (with a reason) and the resident is notified \
        (GATE_PASS_DECISION); the approved pass's QR code (its own token type; never an access token) is scanned \
        by a guard exactly once: of ten guards scanning at the same instant one gets 200 and nine 409. Pending and \
        approved passes expire at validUntil by a persistent deadline; the resident may cancel before use.""")
public class GatePassCommandController {

    public static final String TAG = "Gate passes";

    private final CommandSender sender;
    private final GateTokens tokens;

    public GatePassCommandController(CommandSender sender, GateTokens tokens) {
        this.sender = sender;
        this.tokens = tokens;
    }

    public record GatePassRequest(@NotNull GatePassType type, @NotBlank @Size(max = 200) String title,
                                  @Size(max = 2000) @MultiLine String description,
                                  Instant validFrom, @NotNull Instant validUntil,
                                  @Size(max = 20) String vehicleNumber, @Size(max = 120) String driverName,
                                  @Pattern(regexp = DirectoryCommandController.PHONE,
                                          message = DirectoryCommandController.PHONE_MESSAGE) String driverPhone,
                                  @Size(max = 100) List<@NotBlank @Size(max = 200) String> itemsList,
                                  @Size(max = 120) String workerName,
                                  @Pattern(regexp = DirectoryCommandController.PHONE,
                                          message = DirectoryCommandController.PHONE_MESSAGE) String workerPhone,
                                  @Size(max = 200) String companyName,
                                  @Size(max = 10) List<@NotNull UUID> attachments) {
    }

    public record RejectRequest(@NotBlank @Size(max = 500) @MultiLine String reason) {
    }

    public record ScanRequest(@NotBlank @Size(max = 4096) String qrToken) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Ask for a gate pass for your flat",
            description = "Body {type, title, description?, validFrom? (default now), validUntil, vehicleNumber?, "
                    + "driverName?, driverPhone?, itemsList?, workerName?, workerPhone?, companyName?, attachments?}. "
                    + "attachments are ids of confirmed uploads of the society (400 otherwise). Answers the pass, "
                    + "PENDING until an admin decides; it expires by itself at validUntil. With an Idempotency-Key a "
                    + "retry answers the first one.")
    public Mono<GatePassView> request(Caller caller, @Valid @RequestBody GatePassRequest body,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        FlatId flat = caller.ownFlat();
        var id = Idempotency.newId(caller, "gate-pass", key);
        List<UUID> attachments = body.attachments() == null ? List.of() : body.attachments();
        var command = new RequestGatePass(new GatePassId(id), caller.ownSociety(), flat, new UserId(caller.userId()),
                body.type(), body.title(), body.description(), body.validFrom() == null ? Instant.now() : body.validFrom(),
                body.validUntil(), body.vehicleNumber(), body.driverName(), body.driverPhone(), body.itemsList(),
                body.workerName(), body.workerPhone(), body.companyName(), attachments);
        return requireAttachments(caller, attachments)
                .then(sender.create(caller, command, Idempotency.given(key), new FindGatePass(id), GatePassView.class));
    }

    @PatchMapping("/{id}/approve")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Approve a pending gate pass",
            description = "The requester is notified (GATE_PASS_DECISION) and may show its QR from now on. 409 when "
                    + "it is no longer PENDING; another society's pass is 404.")
    public Mono<GatePassView> approve(Caller caller, @PathVariable UUID id) {
        return sender.sendAndRead(caller, new ApproveGatePass(new GatePassId(id), new UserId(caller.userId()),
                caller.ownSociety()), new FindGatePass(id), GatePassView.class);
    }

    @PatchMapping("/{id}/reject")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Reject a pending gate pass", description = "Body {reason}; the requester is notified. 409 and 404 as for approve.")
    public Mono<GatePassView> reject(Caller caller, @PathVariable UUID id, @Valid @RequestBody RejectRequest body) {
        return sender.sendAndRead(caller, new RejectGatePass(new GatePassId(id), new UserId(caller.userId()),
                        caller.ownSociety(), body.reason()), new FindGatePass(id), GatePassView.class);
    }

    @DeleteMapping("/{id}")
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Cancel a gate pass of your flat before it is used",
            description = "Answers the pass with status CANCELLED. 409 when already used, rejected, expired or "
                    + "cancelled; another flat's pass is 404.")
    public Mono<GatePassView> cancel(Caller caller, @PathVariable UUID id) {
        return sender.sendAndRead(caller, new CancelGatePass(new GatePassId(id), new UserId(caller.userId()),
                FlatId.of(caller.flatId())), new FindGatePass(id), GatePassView.class);
    }

    @PostMapping("/scan")
    @Allowed(Role.GUARD)
    @Operation(summary = "Let an approved gate pass through the gate: exactly once",
            description = "Body {qrToken}. Answers the pass with status USED, usedAt and usedByGuardId. Refusals: "
                    + "already used (also the losers of guards scanning at the same instant), not approved, "
                    + "rejected, cancelled, expired or not valid yet 409 with the reason; a token that is not a gate "
                    + "pass QR signed by this server 400; another society's pass 404.")
    public Mono<GatePassView> scan(Caller caller, @Valid @RequestBody ScanRequest body) {
        GateToken token = tokens.read(GateTokens.Kind.GATE_PASS, body.qrToken());
        caller.requireSociety(token.societyId().value(), "Gate pass");
        UUID id = token.id();
        return sender.sendAndRead(caller, new ScanGatePass(new GatePassId(id), new UserId(caller.userId()),
                caller.ownSociety()), new FindGatePass(id), GatePassView.class);
    }

    /** Attachments must be confirmed uploads of the caller's society (asked of the upload context). */
    private Mono<Void> requireAttachments(Caller caller, List<UUID> attachments) {
        return Flux.fromIterable(attachments.stream().distinct().toList())
                .concatMap(document -> sender.find(new FindDocument(document), DocumentView.class)
                        .filter(view -> Objects.equals(view.societyId(), caller.societyId()))
                        .switchIfEmpty(Mono.error(() -> Problem.invalid("attachments",
                                "must be ids of confirmed uploads of this society"))))
                .then();
    }
}
