package com.gatehouse.api.upload;

import java.time.Instant;
import java.util.UUID;

/** Questions about confirmed uploads (documents), answered by the query side. */
public sealed interface UploadQuery {

    /** Answers {@code Optional<DocumentView>}: the confirmed document stored under an object key. */
    record FindDocumentByKey(String s3Key) implements UploadQuery {
    }

    /** Answers {@code Optional<DocumentView>}. */
    record FindDocument(UUID documentId) implements UploadQuery {
    }

    /** A confirmed upload, as the contract shows it (plus its society, for scoping). */
    record DocumentView(UUID id, String s3Key, String fileName, long fileSize, String mimeType, UploadPurpose purpose,
                        UUID uploadedBy, UUID societyId, Instant createdAt) {
    }
}
