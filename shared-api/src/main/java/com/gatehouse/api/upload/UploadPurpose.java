package com.gatehouse.api.upload;

import com.gatehouse.api.common.Role;

import java.util.Set;

/**
 * Why a file is uploaded: decides which types and sizes are allowed (the contract's limits) and who
 * may upload it (guards photograph visitors; admins and residents register domestic staff; anyone of
 * the society, and an applicant for the society they apply to, may upload an onboarding document).
 */
public enum UploadPurpose {
    ONBOARDING_DOCUMENT(Set.of("application/pdf", "image/jpeg", "image/png"), 10L * 1024 * 1024,
            Set.of(Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.APPLICANT)),
    ENTRY_PHOTO(Set.of("image/jpeg", "image/png", "image/webp"), 5L * 1024 * 1024,
            Set.of(Role.GUARD, Role.ADMIN)),
    STAFF_PHOTO(Set.of("image/jpeg", "image/png", "image/webp"), 5L * 1024 * 1024,
            Set.of(Role.ADMIN, Role.RESIDENT)),
    /** A photo attached to a complaint (up to 5 per complaint, named by upload id). */
    COMPLAINT_IMAGE(Set.of("image/jpeg", "image/png", "image/webp"), 5L * 1024 * 1024,
            Set.of(Role.ADMIN, Role.RESIDENT)),
    /** Images and documents of the notice board: posted by admins, seen by every member of the society. */
    NOTICE_ATTACHMENT(Set.of("application/pdf", "image/jpeg", "image/png", "image/webp"), 10L * 1024 * 1024,
            Set.of(Role.ADMIN)),
    /** A member's own profile photo (PATCH /auth/me {photoKey}). */
    PROFILE_PHOTO(Set.of("image/jpeg", "image/png", "image/webp"), 5L * 1024 * 1024,
            Set.of(Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR));

    private final Set<String> mimeTypes;
    private final long maxBytes;
    private final Set<Role> uploaders;

    UploadPurpose(Set<String> mimeTypes, long maxBytes, Set<Role> uploaders) {
        this.mimeTypes = mimeTypes;
        this.maxBytes = maxBytes;
        this.uploaders = uploaders;
    }

    public Set<String> mimeTypes() {
        return mimeTypes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The roles that may upload a file for this purpose. */
    public Set<Role> uploaders() {
        return uploaders;
    }
}
