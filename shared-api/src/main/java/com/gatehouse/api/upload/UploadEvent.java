package com.gatehouse.api.upload;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

/**
 * What happened to an upload: its URL was issued (the declaration), then it was confirmed (a
 * document) and perhaps deleted, or it was never confirmed and abandoned by the orphan sweep. After
 * deletion or abandonment the object is removed from the store.
 */
public sealed interface UploadEvent {

    DocumentId documentId();

    SocietyId societyId();

    String s3Key();

    record UploadUrlIssued(DocumentId documentId, SocietyId societyId, UserId uploadedBy, UploadPurpose purpose,
                           String s3Key, String fileName, String mimeType, long fileSize, Instant issuedAt)
            implements UploadEvent {
    }

    /** The file is in the store with the declared size and type: from now on a document. */
    record UploadConfirmed(DocumentId documentId, SocietyId societyId, UserId uploadedBy, UploadPurpose purpose,
                           String s3Key, String fileName, String mimeType, long fileSize, Instant confirmedAt)
            implements UploadEvent {
    }

    record DocumentDeleted(DocumentId documentId, SocietyId societyId, String s3Key, UserId deletedBy,
                           Instant deletedAt) implements UploadEvent {
    }

    /**
     * Past its retention (entry photos: {@code gatehouse.privacy.entry-photo-retention}, or the society's own
     * setting): the document is gone and its object is removed from the store. {@code reason} says which rule; no
     * personal value (the key is the document's own, as stored when it was issued).
     */
    record DocumentExpired(DocumentId documentId, SocietyId societyId, UploadPurpose purpose, String s3Key,
                           String reason, Instant expiredAt) implements UploadEvent {
    }

    /** Never confirmed within the orphan age: whatever was uploaded under the key is removed. */
    record UploadAbandoned(DocumentId documentId, SocietyId societyId, String s3Key, Instant abandonedAt)
            implements UploadEvent {
    }
}
