package com.gatehouse.command.upload;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.directory.DirectoryQuery.FindSociety;
import com.gatehouse.api.directory.DirectoryViews.SocietyView;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.UploadCommand.ConfirmUpload;
import com.gatehouse.api.upload.UploadCommand.DeleteDocument;
import com.gatehouse.api.upload.UploadCommand.IssueUploadUrl;
import com.gatehouse.api.upload.UploadCommand.IssuedUpload;
import com.gatehouse.api.upload.UploadPurpose;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocument;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Uploads: the client declares a file and gets a pre-signed PUT URL, PUTs the bytes straight to the
 * object store, then confirms; the upload becomes a document. Viewing is served by the query side.
 */
@RestController
@RequestMapping("/api/v1/upload")
@Tag(name = "Uploads")
public class UploadCommandController {

    /** How long a DELETE waits for the read model to drop the document before answering 503. */
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(10);

    private final CommandSender sender;
    private final ObjectStore store;
    private final UploadProperties properties;

    public UploadCommandController(CommandSender sender, ObjectStore store, UploadProperties properties) {
        this.sender = sender;
        this.store = store;
        this.properties = properties;
    }

    public record PresignedUrlRequest(@NotNull UploadPurpose purpose,
                                      @NotBlank @Size(max = 255) String fileName,
                                      @NotBlank @Size(max = 100) String mimeType,
                                      @NotNull @Positive Long fileSize,
                                      UUID societyId) {
    }

    /** The contract's answer: PUT the bytes to {@code uploadUrl} with {@code headers} before {@code expiresAt}. */
    public record PresignedUrlResponse(String uploadUrl, String s3Key, Instant expiresAt, Map<String, String> headers) {
    }

    public record ConfirmRequest(@NotBlank @Size(max = 1024) String s3Key) {
    }

    @PostMapping("/presigned-url")
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.APPLICANT})
    @Operation(summary = "Get a pre-signed URL to upload a file",
            description = """
                    Declare the file: purpose ONBOARDING_DOCUMENT (application/pdf, image/jpeg, image/png; at most \
                    10 MB), ENTRY_PHOTO or STAFF_PHOTO (image/jpeg, image/png, image/webp; at most 5 MB). A larger \
                    fileSize answers 413, another mimeType 415, before anything is signed. Then PUT exactly \
                    fileSize bytes to uploadUrl with the returned headers (Content-Type and Content-Length are \
                    signed: the store refuses anything else with 403) before expiresAt \
                    (gatehouse.upload.upload-url-ttl, 5 minutes), and confirm. Who may upload what: ENTRY_PHOTO \
                    guards and admins, STAFF_PHOTO admins and residents, ONBOARDING_DOCUMENT admins, guards and \
                    residents (403 otherwise). The file name is sanitised: only its last path segment is kept, \
                    without control characters; the key holds an ASCII form of it: \
                    societies/{societyId}/{purpose}/{uuid}-{safeFileName}. With an Idempotency-Key, a retry \
                    answers a fresh URL for the first declaration while it is unconfirmed (409 afterwards). An \
                    upload not confirmed within a day (gatehouse.upload.orphan-age) is removed. An APPLICANT (signed \
                    up by one-time code, no society yet) uploads only ONBOARDING_DOCUMENT files and names the \
                    society they apply to in societyId (required for them, 404 for an unknown society; ignored for \
                    everyone else); they then confirm, view and delete their own uploads only.""")
    public Mono<PresignedUrlResponse> presignedUrl(Caller caller, @Valid @RequestBody PresignedUrlRequest body,
                                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var id = new DocumentId(Idempotency.newId(caller, "upload", key));
        return applicant(caller, body.societyId()).flatMap(uploader -> sender.<IssuedUpload>send(uploader,
                        new IssueUploadUrl(id, uploader, body.purpose(), body.fileName(), body.mimeType(),
                                body.fileSize())))
                .publishOn(Schedulers.boundedElastic())
                .map(issued -> {
                    var signed = store.presignUpload(issued.s3Key(), issued.mimeType(), issued.fileSize(),
                            properties.uploadUrlTtl());
                    return new PresignedUrlResponse(signed.url(), issued.s3Key(), signed.expiresAt(), signed.headers());
                });
    }

    /** An applicant acts within the society they apply to (which must exist); anyone else as they are. */
    private Mono<Caller> applicant(Caller caller, UUID societyId) {
        if (caller.role() != Role.APPLICANT) {
            return Mono.just(caller);
        }
        if (societyId == null) {
            return Mono.error(Problem.invalid("societyId", "name the society you apply to"));
        }
        return sender.find(new FindSociety(societyId), SocietyView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Society")))
                .map(society -> caller.applyingTo(societyId));
    }

    @PostMapping("/confirm")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.APPLICANT})
    @Operation(summary = "Confirm an upload: it becomes a document",
            description = """
                    Only the user who asked for the upload URL confirms it (403 for anyone else of the society, \
                    404 for a key of another society or an unknown key, 400 for something that is not such a \
                    key). The object must be in the store with the declared size and type: 409 while nothing \
                    (or something else) is there. Confirming a confirmed upload again answers the same document.""")
    public Mono<DocumentView> confirm(Caller caller, @Valid @RequestBody ConfirmRequest body) {
        var key = ObjectKeys.parse(body.s3Key()).orElseThrow(() -> Problem.invalid("s3Key",
                "is not a key answered by POST /upload/presigned-url"));
        Caller by = caller.applyingTo(key.societyId().value());
        by.requireSociety(key.societyId().value(), "Upload");
        return Mono.fromCallable(() -> store.head(body.s3Key()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(stored -> sender.sendAndRead(caller,
                        new ConfirmUpload(key.documentId(), body.s3Key(), by, stored.orElse(null)),
                        new FindDocument(key.documentId().value()), DocumentView.class))
                .onErrorMap(UploadCommandController::isNotAnUpload, e -> Problem.notFound("Upload"));
    }

    /** A key whose id names no upload: no events at all, or those of another kind of aggregate. */
    private static boolean isNotAnUpload(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException || t instanceof IncompatibleAggregateException) {
                return true;
            }
        }
        return false;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.APPLICANT})
    @Operation(summary = "Delete a document and its file",
            description = """
                    The uploader or an admin of the society (403 for anyone else of the society, 404 for a \
                    document of another society). The file leaves the store right after.""")
    public Mono<Void> delete(Caller caller, @PathVariable UUID id) {
        return sender.find(new FindDocument(id), DocumentView.class)
                .filter(document -> caller.applyingTo(document.societyId()).canSeeSociety(document.societyId()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Document")))
                .flatMap(document -> sender.sendVisible(caller, new DeleteDocument(new DocumentId(id),
                        caller.applyingTo(document.societyId())), FindDocument.class))
                .then();
    }
}
