package com.gatehouse.api.upload;

import com.gatehouse.api.common.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * What can be asked of an upload. Commands carry the {@link Caller} because the upload itself decides
 * who may confirm or delete it (the uploader, admins: see {@link DocumentAccess}).
 */
public sealed interface UploadCommand {

    /**
     * Declares a file to upload; answers {@link IssuedUpload}. Sent again with the same id (an
     * {@code Idempotency-Key} retry) it answers the first declaration while the upload is unconfirmed.
     */
    record IssueUploadUrl(@TargetAggregateIdentifier DocumentId documentId, Caller by, UploadPurpose purpose,
                          String fileName, String mimeType, long fileSize) implements UploadCommand {
    }

    /**
     * Records the uploaded file as a document. {@code stored} is what the object store holds under the
     * key (its HEAD, read just before sending), or null when nothing is there.
     */
    record ConfirmUpload(@TargetAggregateIdentifier DocumentId documentId, String s3Key, Caller by,
                         StoredObject stored) implements UploadCommand {
    }

    record DeleteDocument(@TargetAggregateIdentifier DocumentId documentId, Caller by) implements UploadCommand {
    }

    /** Gives up an upload that is still unconfirmed and was issued before {@code issuedBefore} (the orphan sweep). */
    record AbandonUpload(@TargetAggregateIdentifier DocumentId documentId, Instant issuedBefore)
            implements UploadCommand {
    }

    /**
     * Deletes a confirmed document confirmed before {@code confirmedBefore} (a retention rule, named by
     * {@code reason}); anything else (already gone, confirmed later) changes nothing.
     */
    record ExpireDocument(@TargetAggregateIdentifier DocumentId documentId, Instant confirmedBefore, String reason)
            implements UploadCommand {
    }

    /** The declaration the upload URL is signed for: the client must PUT exactly this type and length. */
    record IssuedUpload(DocumentId documentId, String s3Key, String mimeType, long fileSize) {
    }
}
