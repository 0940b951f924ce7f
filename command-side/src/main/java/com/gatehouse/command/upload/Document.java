package com.gatehouse.command.upload;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.upload.DocumentAccess;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.StoredObject;
import com.gatehouse.api.upload.UploadCommand.AbandonUpload;
import com.gatehouse.api.upload.UploadCommand.ConfirmUpload;
import com.gatehouse.api.upload.UploadCommand.DeleteDocument;
import com.gatehouse.api.upload.UploadCommand.ExpireDocument;
import com.gatehouse.api.upload.UploadCommand.IssueUploadUrl;
import com.gatehouse.api.upload.UploadCommand.IssuedUpload;
import com.gatehouse.api.upload.UploadEvent.DocumentDeleted;
import com.gatehouse.api.upload.UploadEvent.DocumentExpired;
import com.gatehouse.api.upload.UploadEvent.UploadAbandoned;
import com.gatehouse.api.upload.UploadEvent.UploadConfirmed;
import com.gatehouse.api.upload.UploadEvent.UploadUrlIssued;
import com.gatehouse.api.upload.UploadPurpose;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One upload: declared when its URL is issued (who, society, purpose, key, size, type), then confirmed
 * as a document once the file is in the store, then perhaps deleted; or abandoned by the orphan sweep
 * when never confirmed. Decides only: the store is read before confirming (the HEAD travels in the
 * command) and objects are removed after the decision, by {@link ObjectRemoval}.
 */
@Aggregate
public class Document {

    enum Status { PENDING, CONFIRMED, DELETED, ABANDONED }

    @AggregateIdentifier
    private DocumentId id;
    private SocietyId society;
    private UserId uploader;
    private UploadPurpose purpose;
    private String s3Key;
    private String fileName;
    private String mimeType;
    private long fileSize;
    private Instant issuedAt;
    private Instant confirmedAt;
    private Status status;

    protected Document() {
    }

    /**
     * Checks the declaration against the purpose's limits (415 type, 413 size, 403 role) before anything
     * is signed. On an existing upload (the same {@code Idempotency-Key} again) answers the first
     * declaration as long as it is unconfirmed.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public IssuedUpload handle(IssueUploadUrl cmd, Clock clock) {
        if (id != null) {
            if (status != Status.PENDING || !uploader.value().equals(cmd.by().userId())) {
                throw Problem.conflict("This upload was already " + status.name().toLowerCase(Locale.ROOT)
                        + "; ask for a new upload URL without this Idempotency-Key");
            }
            return issued();
        }
        Caller by = cmd.by();
        if (by.societyId() == null) {
            throw Problem.forbidden("Only members of a society upload files");
        }
        UploadPurpose purpose = cmd.purpose();
        if (!purpose.uploaders().contains(by.role())) {
            throw Problem.forbidden("The role " + by.role() + " may not upload " + purpose + " files; "
                    + purpose.uploaders().stream().map(Enum::name).sorted().toList() + " may");
        }
        String type = cmd.mimeType() == null ? "" : cmd.mimeType().strip().toLowerCase(Locale.ROOT);
        if (!purpose.mimeTypes().contains(type)) {
            throw new Problem(Problem.Kind.UNSUPPORTED_TYPE, purpose + " files must be one of "
                    + purpose.mimeTypes().stream().sorted().toList() + "; was " + cmd.mimeType());
        }
        if (cmd.fileSize() < 1) {
            throw Problem.invalid("fileSize", "must be at least 1 byte");
        }
        if (cmd.fileSize() > purpose.maxBytes()) {
            throw new Problem(Problem.Kind.TOO_LARGE, purpose + " files may have at most " + purpose.maxBytes()
                    + " bytes (" + purpose.maxBytes() / (1024 * 1024) + " MB); was " + cmd.fileSize());
        }
        String name = FileNames.displayName(cmd.fileName());
        SocietyId society = new SocietyId(by.societyId());
        apply(new UploadUrlIssued(cmd.documentId(), society, new UserId(by.userId()), purpose,
                ObjectKeys.of(society, purpose, cmd.documentId(), FileNames.keySafe(name)), name, type,
                cmd.fileSize(), clock.instant()));
        return issued();
    }

    /**
     * Only the uploader confirms, only a file that is in the store with the declared size and type.
     * Confirming a confirmed document again changes nothing (the caller gets the same document).
     */
    @CommandHandler
    public void handle(ConfirmUpload cmd, Clock clock) {
        if (id == null || !cmd.by().canSeeSociety(society.value()) || !s3Key.equals(cmd.s3Key())) {
            throw Problem.notFound("Upload");
        }
        if (!uploader.value().equals(cmd.by().userId())) {
            throw Problem.forbidden("Only the user who asked for the upload URL may confirm it");
        }
        switch (status) {
            case CONFIRMED -> {
                return;
            }
            case DELETED, ABANDONED -> throw Problem.notFound("Upload");
            case PENDING -> {
            }
        }
        StoredObject stored = cmd.stored();
        if (stored == null) {
            throw Problem.conflict("Nothing has been uploaded under this key yet: PUT the file to the upload URL "
                    + "with the returned headers, then confirm");
        }
        if (stored.size() != fileSize || !stored.hasType(mimeType)) {
            throw Problem.conflict("The stored file (" + stored.size() + " bytes, " + stored.contentType()
                    + ") is not the declared one (" + fileSize + " bytes, " + mimeType + ")");
        }
        apply(new UploadConfirmed(id, society, uploader, purpose, s3Key, fileName, mimeType, fileSize,
                clock.instant()));
    }

    /** The uploader or an admin; the object is removed from the store after this is recorded. */
    @CommandHandler
    public void handle(DeleteDocument cmd, Clock clock) {
        if (id == null || status != Status.CONFIRMED || !cmd.by().canSeeSociety(society.value())) {
            throw Problem.notFound("Document");
        }
        if (!DocumentAccess.mayDelete(cmd.by(), uploader.value(), society.value())) {
            throw Problem.forbidden("Only the uploader or an admin may delete this document");
        }
        apply(new DocumentDeleted(id, society, s3Key, new UserId(cmd.by().userId()), clock.instant()));
    }

    /**
     * A retention rule: only a document still confirmed, and confirmed before the rule's cut-off, goes (a
     * re-delivered or late command changes nothing). Answers whether it went. The object is removed after this is recorded.
     */
    @CommandHandler
    public boolean handle(ExpireDocument cmd, Clock clock) {
        if (id == null || status != Status.CONFIRMED || !confirmedAt.isBefore(cmd.confirmedBefore())) {
            return false;
        }
        apply(new DocumentExpired(id, society, purpose, s3Key, cmd.reason(), clock.instant()));
        return true;
    }

    /** Abandons only what is still unconfirmed and old enough: a confirmation that won the race stands. */
    @CommandHandler
    public void handle(AbandonUpload cmd, Clock clock) {
        if (id == null || status != Status.PENDING || !issuedAt.isBefore(cmd.issuedBefore())) {
            return;
        }
        apply(new UploadAbandoned(id, society, s3Key, clock.instant()));
    }

    private IssuedUpload issued() {
        return new IssuedUpload(id, s3Key, mimeType, fileSize);
    }

    @EventSourcingHandler
    void on(UploadUrlIssued event) {
        id = event.documentId();
        society = event.societyId();
        uploader = event.uploadedBy();
        purpose = event.purpose();
        s3Key = event.s3Key();
        fileName = event.fileName();
        mimeType = event.mimeType();
        fileSize = event.fileSize();
        issuedAt = event.issuedAt();
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(UploadConfirmed event) {
        status = Status.CONFIRMED;
        confirmedAt = event.confirmedAt();
    }

    @EventSourcingHandler
    void on(DocumentExpired event) {
        status = Status.DELETED;
    }

    @EventSourcingHandler
    void on(DocumentDeleted event) {
        status = Status.DELETED;
    }

    @EventSourcingHandler
    void on(UploadAbandoned event) {
        status = Status.ABANDONED;
    }
}
