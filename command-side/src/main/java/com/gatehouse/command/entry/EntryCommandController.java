package com.gatehouse.command.entry;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryCommand.CheckOutEntry;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.entry.EntryQuery.FindEntry;
import com.gatehouse.api.entry.EntryQuery.FindEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.ApproveEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RaiseEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RejectEntryRequest;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryRequestStatus;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.entry.EntryViews.EntryView;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import com.gatehouse.command.common.MultiLine;
import com.gatehouse.command.delivery.DeliveryAutoApproval;
import com.gatehouse.command.directory.DirectoryCommandController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * The gate's changes: guards raise entry requests and check visitors out, residents approve or reject.
 * Each answers the read model's view once it shows the change; reads are served by the query side.
 */
@RestController
@RequestMapping("/api/v1/gate")
@Tag(name = "Gate")
public class EntryCommandController {

    private final CommandSender sender;
    private final DeliveryAutoApproval autoApproval;

    public EntryCommandController(CommandSender sender, DeliveryAutoApproval autoApproval) {
        this.sender = sender;
        this.autoApproval = autoApproval;
    }

    public record RaiseRequest(@NotNull EntryType type, @NotNull UUID flatId,
                               @Size(max = 120) String visitorName,
                               @Pattern(regexp = DirectoryCommandController.PHONE,
                                       message = DirectoryCommandController.PHONE_MESSAGE) String visitorPhone,
                               ProviderTag providerTag,
                               @Size(max = 512) String photoKey) {
    }

    public record WalkInRequest(@NotNull EntryType type, @NotNull UUID flatId,
                                @Size(max = 120) String visitorName,
                                @Pattern(regexp = DirectoryCommandController.PHONE,
                                        message = DirectoryCommandController.PHONE_MESSAGE) String visitorPhone,
                                ProviderTag providerTag,
                                @Size(max = 20) String vehicleNumber,
                                @Min(1) @Max(100) Integer packageCount,
                                @Size(max = 512) String photoKey) {
    }

    /**
     * What a walk-in came to: admitted at once ({@code autoApproved}, the reason and the entry), or a request the
     * flat decides ({@code entry} null until a resident approves).
     */
    public record WalkIn(boolean autoApproved, String autoApprovalReason, EntryRequestView entryRequest,
                         EntryView entry) {
    }

    public record RejectRequest(@Size(max = 500) @MultiLine String reason) {
    }

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.GUARD)
    @Operation(summary = "Raise an entry request for a flat",
            description = "The flat must be in the guard's society (404 otherwise); photoKey, when given, must be a "
                    + "confirmed ENTRY_PHOTO upload of the society (400 otherwise). Every resident of the flat is "
                    + "notified; the request expires by itself after gatehouse.entry-request.expiry (PT15M). A DELIVERY "
                    + "with a providerTag that the flat expects today or lets in by a standing rule (see Deliveries) is "
                    + "APPROVED at once (approvedById null, the entry's autoApprovalReason says why) and the flat is told "
                    + "instead of asked. With an Idempotency-Key, a retry answers the first request and creates nothing.")
    public Mono<EntryRequestView> raise(Caller caller, @Valid @RequestBody RaiseRequest body,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var id = Idempotency.newId(caller, "entry-request", key);
        return raise(caller, id, key, body.type(), body.flatId(), body.visitorName(), body.visitorPhone(),
                body.providerTag(), body.photoKey(), null, null);
    }

    @PostMapping("/entries")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.GUARD)
    @Operation(summary = "Log someone at the gate: admitted at once by a rule of the flat, or the flat is asked",
            description = "Body {type, flatId, visitorName?, visitorPhone?, providerTag? (the delivery company), "
                    + "vehicleNumber?, packageCount?, photoKey?}. A DELIVERY whose company the flat expects today or "
                    + "lets in by a standing rule (see Deliveries) is admitted at once: {autoApproved: true, "
                    + "autoApprovalReason, entryRequest (APPROVED), entry}, and the flat is told. Otherwise an entry "
                    + "request is raised through the one approval flow ({autoApproved: false, entryRequest (PENDING), "
                    + "entry: null}) and every resident of the flat is asked. Refusals as for POST /gate/requests.")
    public Mono<WalkIn> walkIn(Caller caller, @Valid @RequestBody WalkInRequest body,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var id = Idempotency.newId(caller, "walk-in", key);
        return raise(caller, id, key, body.type(), body.flatId(), body.visitorName(), body.visitorPhone(),
                body.providerTag(), body.photoKey(), body.vehicleNumber(), body.packageCount())
                .flatMap(request -> request.entryId() == null || request.status() != EntryRequestStatus.APPROVED
                        ? Mono.just(new WalkIn(false, null, request, null))
                        : sender.awaitView(new FindEntry(request.entryId()), EntryView.class, request.entryId().toString())
                        .map(entry -> new WalkIn(entry.autoApproved(), entry.autoApprovalReason(), request, entry)));
    }

    /**
     * Raises a request, approved at once when a rule of the flat admits the rider ({@link DeliveryAutoApproval}).
     * A retry with the same key answers the first result before deciding anything again; a claimed expected
     * delivery whose request then fails is given back.
     */
    private Mono<EntryRequestView> raise(Caller caller, UUID id, String key, EntryType type, UUID flatId,
                                         String visitorName, String visitorPhone, ProviderTag providerTag,
                                         String photoKey, String vehicleNumber, Integer packageCount) {
        var requestId = new EntryRequestId(id);
        var flat = new FlatId(flatId);
        Mono<EntryRequestView> earlier = Idempotency.given(key)
                ? sender.find(new FindEntryRequest(id), EntryRequestView.class) : Mono.empty();
        return earlier.switchIfEmpty(Mono.defer(() -> autoApproval.decide(caller, flat, type, providerTag, requestId)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(decision -> {
                    var command = new RaiseEntryRequest(requestId, SocietyId.of(caller.societyId()), flat,
                            new UserId(caller.userId()), type, visitorName, visitorPhone, providerTag, photoKey,
                            vehicleNumber, packageCount, decision.map(DeliveryAutoApproval.Decision::reason).orElse(null));
                    // an auto-approved request is raised and approved in one unit of work: answer the approval
                    Mono<EntryRequestView> sent = decision.isPresent()
                            ? sender.sendAndRead(caller, command, new FindEntryRequest(id), EntryRequestView.class)
                            : sender.create(caller, command, Idempotency.given(key), new FindEntryRequest(id),
                                    EntryRequestView.class);
                    return sent
                            // the raise was refused: give the claim back (not when it was saved but not yet visible)
                            .onErrorResume(error -> !(error instanceof Problem p && p.kind() == Problem.Kind.UNAVAILABLE),
                                    error -> autoApproval.release(caller, decision.orElse(null), requestId)
                                            .then(Mono.error(error)));
                })));
    }

    @PatchMapping("/requests/{id}/approve")
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Approve an entry request of your flat",
            description = "Answers the request with entryId (the gate-log entry). 409 names the status when the "
                    + "request was already decided or has expired; another flat's request is 404.")
    public Mono<EntryRequestView> approve(Caller caller, @PathVariable UUID id) {
        return sender.sendAndRead(caller,
                        new ApproveEntryRequest(new EntryRequestId(id), new UserId(caller.userId()),
                                FlatId.of(caller.flatId())),
                        new FindEntryRequest(id), EntryRequestView.class)
                .onErrorMap(EntryCommandController::isUnknown, unknown -> Problem.notFound("Entry request"));
    }

    @PatchMapping("/requests/{id}/reject")
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Reject an entry request of your flat", description = "Body {reason?}; 409 and 404 as for approve.")
    public Mono<EntryRequestView> reject(Caller caller, @PathVariable UUID id,
                                         @Valid @RequestBody(required = false) RejectRequest body) {
        String reason = body == null ? null : body.reason();
        return sender.sendAndRead(caller,
                        new RejectEntryRequest(new EntryRequestId(id), new UserId(caller.userId()),
                                FlatId.of(caller.flatId()), reason),
                        new FindEntryRequest(id), EntryRequestView.class)
                .onErrorMap(EntryCommandController::isUnknown, unknown -> Problem.notFound("Entry request"));
    }

    @PatchMapping("/entries/{id}/checkout")
    @Allowed(Role.GUARD)
    @Operation(summary = "Check a visitor out of the gate log", description = "Answers the entry with exitedAt; 409 when already checked out.")
    public Mono<EntryView> checkOut(Caller caller, @PathVariable UUID id) {
        return sender.sendAndRead(caller,
                        new CheckOutEntry(new EntryId(id), new UserId(caller.userId()), SocietyId.of(caller.societyId())),
                        new FindEntry(id), EntryView.class)
                .onErrorMap(EntryCommandController::isUnknown, unknown -> Problem.notFound("Entry"));
    }

    /** No such aggregate, or an id of another kind of aggregate (an entry id given as a request id, ...). */
    private static boolean isUnknown(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException || t instanceof IncompatibleAggregateException) {
                return true;
            }
        }
        return false;
    }
}
