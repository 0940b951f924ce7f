package com.gatehouse.command.directory;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.Blocks;
import com.gatehouse.api.directory.DirectoryQuery.FindFlat;
import com.gatehouse.api.directory.DirectoryQuery.FindOnboardingRequest;
import com.gatehouse.api.directory.DirectoryQuery.FindSociety;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.FlatView;
import com.gatehouse.api.directory.DirectoryViews.SocietyView;
import com.gatehouse.api.directory.DocumentType;
import com.gatehouse.api.directory.OnboardingCommand.ApproveOnboardingRequest;
import com.gatehouse.api.directory.OnboardingCommand.OnboardingDocument;
import com.gatehouse.api.directory.OnboardingCommand.RejectOnboardingRequest;
import com.gatehouse.api.directory.OnboardingCommand.RequestOnboardingResubmission;
import com.gatehouse.api.directory.OnboardingCommand.ResubmitOnboardingDocuments;
import com.gatehouse.api.directory.OnboardingCommand.SubmitOnboardingRequest;
import com.gatehouse.api.directory.OnboardingViews.OnboardingRequestView;
import com.gatehouse.api.directory.ResidentType;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.UploadPurpose;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocument;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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

import java.util.List;
import java.util.UUID;

/**
 * Onboarding: an applicant asks to live in a flat with documents, a society admin reviews. The rules that
 * span aggregates and need reads are checked here with queries before dispatch (the flat is in the block and
 * the society; every document is a confirmed ONBOARDING_DOCUMENT upload of the caller for that society); the
 * rest is decided by the applicant's {@link User} aggregate. Reads: the query side's onboarding controller.
 */
@RestController
@RequestMapping("/api/v1/resident/onboarding")
@Tag(name = "Onboarding", description = """
        Residents join by themselves: sign in by one-time code (POST /auth/otp/send, /auth/otp/verify) as an \
        APPLICANT, pick a society, block and flat (the listings here), upload proof (ONBOARDING_DOCUMENT with \
        societyId), apply; a society admin reviews (approve, reject with a reason, ask for documents again) and \
        every step is notified (ONBOARDING_STATUS). Approval makes the applicant an active RESIDENT at once.""")
public class OnboardingCommandController {

    private final CommandSender sender;

    public OnboardingCommandController(CommandSender sender) {
        this.sender = sender;
    }

    public record DocumentRef(@NotNull UUID documentId, @NotNull DocumentType documentType) {
    }

    public record SubmitRequest(@NotNull UUID societyId, @NotNull UUID blockId, @NotNull UUID flatId,
                                @NotNull ResidentType residentType,
                                @NotEmpty @Size(max = 10) List<@Valid @NotNull DocumentRef> documents) {
    }

    public record ResubmitRequest(@NotEmpty @Size(max = 10) List<@Valid @NotNull DocumentRef> documents) {
    }

    public record ApproveRequest(@Size(max = 1000) String notes) {
    }

    public record RejectRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record ResubmitRequestRequest(@NotBlank @Size(max = 1000) String reason,
                                         @NotEmpty List<@NotNull DocumentType> documentsToResubmit) {
    }

    @PostMapping("/request")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.APPLICANT)
    @Operation(summary = "Apply to live in a flat", description = """
            For an account signed up by one-time code (APPLICANT). The flat must be in the block and the block in \
            the society (404 otherwise, and for an inactive society). documents: confirmed uploads of purpose ONBOARDING_DOCUMENT made by the \
            caller for this society (POST /upload/presigned-url with societyId), each with its documentType; an \
            OWNER needs an OWNERSHIP_PROOF, a TENANT a TENANT_AGREEMENT, and everyone at least one ID proof \
            (AADHAR_CARD, PAN_CARD, PASSPORT, DRIVING_LICENSE, VOTER_ID) (400 otherwise). One active request per \
            user and one owner per flat (an owner's request under review or approved): 409. Answers the request \
            (status PENDING_APPROVAL). Review usually takes 24-48 hours; every decision is notified \
            (ONBOARDING_STATUS).""")
    public Mono<OnboardingRequestView> submit(Caller caller, @Valid @RequestBody SubmitRequest body,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        UUID id = Idempotency.newId(caller, "onboarding", key);
        return sender.find(new FindSociety(body.societyId()), SocietyView.class)
                .filter(SocietyView::active) // an inactive society takes no one: it is not listed either
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Society")))
                .then(sender.find(new FindFlat(body.flatId()), FlatView.class))
                .filter(flat -> flat.societyId().equals(body.societyId())
                        && Blocks.idOf(flat.societyId(), flat.block()).equals(body.blockId()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Flat")))
                .flatMap(flat -> documents(caller, body.societyId(), body.documents()).map(documents ->
                        new SubmitOnboardingRequest(new UserId(caller.userId()), id, new SocietyId(body.societyId()),
                                flat.block(), new FlatId(body.flatId()), body.residentType(), documents)))
                .flatMap(command -> sender.create(caller, command, Idempotency.given(key),
                        new FindOnboardingRequest(id), OnboardingRequestView.class));
    }

    @PostMapping("/request/{requestId}/resubmit")
    @Allowed(Role.APPLICANT)
    @Operation(summary = "Send documents again after the review asked for them", description = """
            Only while the request is RESUBMIT_REQUESTED (409 otherwise), only the applicant's own request (404). \
            Every document type the review named must come again; the new documents replace those of the same \
            type and the request is PENDING_APPROVAL again.""")
    public Mono<OnboardingRequestView> resubmit(Caller caller, @PathVariable UUID requestId,
                                                @Valid @RequestBody ResubmitRequest body) {
        return ownRequest(caller, requestId).flatMap(request -> documents(caller, request.societyId(), body.documents())
                .flatMap(documents -> sender.sendAndRead(caller,
                        new ResubmitOnboardingDocuments(new UserId(caller.userId()), requestId, documents),
                        new FindOnboardingRequest(requestId), OnboardingRequestView.class)));
    }

    @PatchMapping("/admin/{requestId}/approve")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Approve an onboarding request", description = """
            Only a request PENDING_APPROVAL (409 otherwise); another society's request is 404. The applicant is at \
            once an active RESIDENT of the flat (its primary resident when the flat had no resident with that \
            seat) and signs in as such; notified (ONBOARDING_STATUS).""")
    public Mono<OnboardingRequestView> approve(Caller caller, @PathVariable UUID requestId,
                                               @Valid @RequestBody(required = false) ApproveRequest body) {
        // answered once the account shows it too: the applicant signs in as a resident right after
        return review(caller, requestId, request -> new ApproveOnboardingRequest(new UserId(request.userId()),
                requestId, new UserId(caller.userId()), body == null ? null : body.notes()), FindUser.class);
    }

    @PatchMapping("/admin/{requestId}/reject")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Reject an onboarding request with a reason", description = """
            Only a request PENDING_APPROVAL (409 otherwise). The applicant may apply again (for any flat); an \
            owner's claim on the flat is released. Notified (ONBOARDING_STATUS) with the reason.""")
    public Mono<OnboardingRequestView> reject(Caller caller, @PathVariable UUID requestId,
                                              @Valid @RequestBody RejectRequest body) {
        return review(caller, requestId, request -> new RejectOnboardingRequest(new UserId(request.userId()),
                requestId, new UserId(caller.userId()), body.reason()), FindUser.class);
    }

    @PatchMapping("/admin/{requestId}/request-resubmit")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Ask the applicant to send documents again", description = """
            Only a request PENDING_APPROVAL (409 otherwise); names the document types to send again and why. The \
            applicant resubmits with POST /request/{requestId}/resubmit. Notified (ONBOARDING_STATUS).""")
    public Mono<OnboardingRequestView> requestResubmission(Caller caller, @PathVariable UUID requestId,
                                                           @Valid @RequestBody ResubmitRequestRequest body) {
        return review(caller, requestId, request -> new RequestOnboardingResubmission(new UserId(request.userId()),
                requestId, new UserId(caller.userId()), body.reason(), body.documentsToResubmit()), FindUser.class);
    }

    /**
     * Sends a reviewer's decision on a request of the caller's society and answers the request once it shows it
     * and the directory (the applicant's account: role, flat) shows it too.
     */
    private Mono<OnboardingRequestView> review(Caller caller, UUID requestId,
                                               java.util.function.Function<OnboardingRequestView, Object> decision,
                                               Class<?> alsoVisibleIn) {
        return sender.find(new FindOnboardingRequest(requestId), OnboardingRequestView.class)
                .filter(request -> caller.canSeeSociety(request.societyId()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Onboarding request")))
                .flatMap(request -> sender.sendAndRead(caller, decision.apply(request),
                        new FindOnboardingRequest(requestId), OnboardingRequestView.class, alsoVisibleIn));
    }

    private Mono<OnboardingRequestView> ownRequest(Caller caller, UUID requestId) {
        return sender.find(new FindOnboardingRequest(requestId), OnboardingRequestView.class)
                .filter(request -> request.userId().equals(caller.userId()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Onboarding request")));
    }

    /** Every document must be a confirmed ONBOARDING_DOCUMENT the caller uploaded for this society (400 otherwise). */
    private Mono<List<OnboardingDocument>> documents(Caller caller, UUID societyId, List<DocumentRef> refs) {
        return Flux.fromIterable(refs)
                .concatMap(ref -> sender.find(new FindDocument(ref.documentId()), DocumentView.class)
                        .filter(d -> d.purpose() == UploadPurpose.ONBOARDING_DOCUMENT
                                && caller.userId().equals(d.uploadedBy()) && societyId.equals(d.societyId()))
                        .switchIfEmpty(Mono.error(() -> Problem.invalid("documents", "document " + ref.documentId()
                                + " is not a confirmed ONBOARDING_DOCUMENT upload of yours for this society")))
                        .map(d -> new OnboardingDocument(new DocumentId(ref.documentId()), ref.documentType())))
                .collectList();
    }
}
