package com.gatehouse.api.upload;

import java.util.Set;

/** Why a file is uploaded: decides which types and sizes are allowed (the contract's limits). */
public enum UploadPurpose {
    ONBOARDING_DOCUMENT(Set.of("application/pdf", "image/jpeg", "image/png"), 10L * 1024 * 1024),
    ENTRY_PHOTO(Set.of("image/jpeg", "image/png", "image/webp"), 5L * 1024 * 1024),
    STAFF_PHOTO(Set.of("image/jpeg", "image/png", "image/webp"), 5L * 1024 * 1024);

    private final Set<String> mimeTypes;
    private final long maxBytes;

    UploadPurpose(Set<String> mimeTypes, long maxBytes) {
        this.mimeTypes = mimeTypes;
        this.maxBytes = maxBytes;
    }

    public Set<String> mimeTypes() {
        return mimeTypes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
