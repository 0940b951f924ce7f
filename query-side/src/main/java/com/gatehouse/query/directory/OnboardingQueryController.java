package com.gatehouse.query.directory;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.directory.DirectoryViews.BlockListing;
import com.gatehouse.api.directory.OnboardingStatus;
import com.gatehouse.api.directory.OnboardingViews.HistoryEntry;
import com.gatehouse.api.directory.OnboardingViews.OnboardingRequestView;
import com.gatehouse.api.directory.ResidentType;
import com.gatehouse.api.upload.DocumentAccess;
import com.gatehouse.api.upload.ObjectUrls;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.projection.directory.OnboardingReadModel;
import com.gatehouse.projection.upload.UploadReadModel;
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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of onboarding: the listings an applicant picks from, their status, and the admins' review queue. */
@RestController
@RequestMapping("/api/v1/resident/onboarding")
@Tag(name = "Onboarding")
public class OnboardingQueryController {

    private final DirectoryReadModel directory;
    private final OnboardingReadModel onboarding;
    private final UploadReadModel uploads;
    private final ObjectUrls urls;

    public OnboardingQueryController(DirectoryReadModel directory, OnboardingReadModel onboarding,
                                     UploadReadModel uploads, ObjectUrls urls) {
        this.directory = directory;
        this.onboarding = onboarding;
        this.uploads = uploads;
        this.urls = urls;
    }

    @GetMapping("/societies")
    @Allowed({Role.APPLICANT, Role.RESIDENT, Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Societies to apply to", description = """
            Response {societies: [{id, name, city, totalBlocks, totalFlats}], pagination}, by name. `city` matches \
            the city exactly (case ignored), `search` a part of the name or city.""")
    public Mono<Map<String, Object>> societies(Caller caller, @RequestParam(required = false) String city,
                                               @RequestParam(required = false) String search,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("societies", directory.societyListings(city, search, request), request));
    }

    @GetMapping("/societies/{societyId}/blocks")
    @Allowed({Role.APPLICANT, Role.RESIDENT, Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Blocks of a society", description = """
            Response {blocks: [{id, name, totalFlats}], pagination}, by name. A block is named by its flats; its id \
            is stable (derived from the society and the name). 404 for an unknown society.""")
    public Mono<Map<String, Object>> blocks(Caller caller, @PathVariable UUID societyId,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> {
            directory.society(societyId).orElseThrow(() -> Problem.notFound("Society"));
            List<BlockListing> all = directory.blocks(societyId);
            int from = (int) Math.min(all.size(), request.offset());
            return Paged.body("blocks", new PageRequest.Slice<>(all.subList(from,
                    Math.min(all.size(), from + request.limit())), all.size()), request);
        });
    }

    @GetMapping("/societies/{societyId}/blocks/{blockId}/flats")
    @Allowed({Role.APPLICANT, Role.RESIDENT, Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Flats of a block, with occupancy", description = """
            Response {flats: [{id, number, block, blockId, occupied, hasOwner, primaryResidentName: null}], \
            pagination}, by number. occupied: an active resident lives there; hasOwner: an owner's request is \
            approved or under review (another owner's request would be refused). Residents' names are not shown \
            here. 404 for an unknown society or block.""")
    public Mono<Map<String, Object>> flats(Caller caller, @PathVariable UUID societyId, @PathVariable UUID blockId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> {
            directory.society(societyId).orElseThrow(() -> Problem.notFound("Society"));
            if (directory.blocks(societyId).stream().noneMatch(b -> b.id().equals(blockId))) {
                throw Problem.notFound("Block");
            }
            return Paged.body("flats", directory.flatListings(societyId, blockId, null, false, request), request);
        });
    }

    @GetMapping("/status")
    @Allowed({Role.APPLICANT, Role.RESIDENT, Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Where my onboarding stands", description = """
            {status: NOT_STARTED} before any request; otherwise {status, message (what the app should show), \
            request (the latest request: society, block, flat, residentType, documents, reasons, dates), \
            canReapply (REJECTED: a new request may be made), canResubmit (RESUBMIT_REQUESTED), accessGranted \
            (APPROVED: sign in again, or refresh, for a RESIDENT token)}.""")
    public Mono<Map<String, Object>> status(Caller caller) {
        return Blocking.read(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            var latest = onboarding.latestOf(caller.userId());
            if (latest.isEmpty()) {
                body.put("status", "NOT_STARTED");
                body.put("message", "Choose your society, block and flat, upload your documents and apply.");
                return body;
            }
            OnboardingRequestView r = latest.get();
            body.put("status", r.status().name());
            body.put("message", switch (r.status()) {
                case PENDING_APPROVAL -> "Your request is being reviewed by the society's admin (usually 24-48 hours).";
                case RESUBMIT_REQUESTED -> "The admin asks you to send documents again: " + r.resubmitReason();
                case APPROVED -> "Welcome! You are now a resident of flat " + r.block() + "-" + r.flatNumber() + ".";
                case REJECTED -> "Your request was rejected: " + r.rejectionReason() + ". You may apply again.";
            });
            body.put("request", r);
            body.put("canReapply", r.status() == OnboardingStatus.REJECTED);
            body.put("canResubmit", r.status() == OnboardingStatus.RESUBMIT_REQUESTED);
            body.put("accessGranted", r.status() == OnboardingStatus.APPROVED);
            return body;
        });
    }

    @GetMapping("/admin/pending")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "The review queue", description = """
            Response {onboardingRequests: [...], pagination}, newest first, of the admin's society (the platform \
            operator names it with societyId, required for them). status defaults to PENDING_APPROVAL; \
            residentType filters.""")
    public Mono<Map<String, Object>> pending(Caller caller, @RequestParam(required = false) UUID societyId,
                                             @RequestParam(required = false) OnboardingStatus status,
                                             @RequestParam(required = false) ResidentType residentType,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer limit) {
        UUID society = caller.societyId() != null ? caller.societyId() : societyId;
        if (society == null) {
            throw Problem.invalid("societyId", "name the society whose requests to list");
        }
        caller.requireSociety(society, "Society");
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("onboardingRequests", onboarding.ofSociety(society,
                status == null ? OnboardingStatus.PENDING_APPROVAL : status, residentType, request), request));
    }

    /** A document of a request with a view URL (per the upload access rules; null where they refuse). */
    public record ReviewDocument(UUID documentId, String documentType, String fileName, String mimeType,
                                 Long fileSize, String viewUrl, Instant viewUrlExpiresAt) {
    }

    public record ReviewDetail(OnboardingRequestView request, List<ReviewDocument> documents,
                               List<HistoryEntry> history) {
    }

    @GetMapping("/admin/{requestId}")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "One onboarding request for review", description = """
            {request, documents: [{documentId, documentType, fileName, mimeType, fileSize, viewUrl, \
            viewUrlExpiresAt}], history: [{action, performedBy, performedByName, performedByRole, previousStatus, \
            newStatus, notes, documentTypes, at}]}. View URLs last gatehouse.upload.view-url-ttl. Another \
            society's request: 404.""")
    public Mono<ReviewDetail> detail(Caller caller, @PathVariable UUID requestId) {
        return Blocking.read(() -> {
            OnboardingRequestView r = onboarding.request(requestId)
                    .filter(v -> caller.canSeeSociety(v.societyId()))
                    .orElseThrow(() -> Problem.notFound("Onboarding request"));
            List<ReviewDocument> documents = r.documents().stream().map(ref -> uploads.document(ref.documentId())
                    .map(d -> {
                        var url = DocumentAccess.mayView(caller, d, List::of) ? urls.viewUrl(d.s3Key()) : null;
                        return new ReviewDocument(d.id(), ref.documentType().name(), d.fileName(), d.mimeType(),
                                d.fileSize(), url == null ? null : url.url(), url == null ? null : url.expiresAt());
                    })
                    .orElseGet(() -> new ReviewDocument(ref.documentId(), ref.documentType().name(), null, null, null,
                            null, null))).toList();
            return new ReviewDetail(r, documents, onboarding.history(requestId));
        });
    }

}
