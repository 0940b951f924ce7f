package com.gatehouse.api.upload;

import com.gatehouse.api.common.ReadModel;
import java.time.Instant;
import java.util.UUID;

/** Questions about confirmed uploads (documents), answered by the query side. */
public sealed interface UploadQuery {

    /** Answers {@code Optional<DocumentView>}: the confirmed document stored under an object key. */
    @ReadModel("uploads")
    record FindDocumentByKey(String s3Key) implements UploadQuery {
    }

    /** Answers {@code Optional<DocumentView>}. */
    @ReadModel("uploads")
    record FindDocument(UUID documentId) implements UploadQuery {
    }

    /**
     * Answers {@code List<UUID>}: the flats whose entry requests show this ENTRY_PHOTO (their residents may
     * view it). Answered by the entry-request context; the upload context asks it for view access.
     */
    record FindFlatsShownEntryPhoto(String s3Key) implements UploadQuery {
    }

    /**
     * Answers {@code List<UUID>}: the uploads whose URL was issued before {@code issuedBefore} and that were
     * never confirmed (at most {@code limit}, oldest first), for the orphan sweep.
     */
    record FindUnconfirmedUploads(Instant issuedBefore, int limit) implements UploadQuery {
    }

    /**
     * Answers {@code List<DocumentView>}: confirmed documents of a purpose confirmed before {@code confirmedBefore},
     * of one society ({@code societyId} null: every society but those in {@code exceptSocieties}), oldest first
     * ({@code createdAt}, then id), after the cursor ({@code afterCreatedAt}/{@code afterId}, both null for the first
     * page), at most {@code limit}. For retention rules.
     */
    record FindDocumentsConfirmedBefore(UploadPurpose purpose, UUID societyId, java.util.List<UUID> exceptSocieties,
                                        Instant confirmedBefore, Instant afterCreatedAt, UUID afterId, int limit)
            implements UploadQuery {
    }

    /** A confirmed upload, as the contract shows it (plus its society, for scoping). */
    record DocumentView(UUID id, String s3Key, String fileName, long fileSize, String mimeType, UploadPurpose purpose,
                        UUID uploadedBy, UUID societyId, Instant createdAt) {
    }
}
