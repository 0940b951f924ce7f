package com.gatehouse.api.privacy;

import java.time.Instant;
import java.util.UUID;

/** Read-side views of the privacy context. */
public final class PrivacyViews {

    private PrivacyViews() {
    }

    /** {@code status}: PENDING or CARRIED_OUT; {@code userName} is null once carried out (erased). */
    public record ErasureRequestView(UUID id, UUID societyId, UUID userId, String userName, String status,
                                     Instant requestedAt, Instant carriedOutAt, UUID carriedOutBy) {
    }

    /**
     * A society's retention in force, in days: {@code visitorRetentionDays} (a visit's personal data),
     * {@code entryPhotoRetentionDays} (entry photos in the object store), {@code deactivatedRetentionDays} (a
     * deactivated account's or staff member's data); each the society's own setting or else the installation's
     * ({@code installationDefaults}). {@code changedBy}/{@code changedAt}: the last change (null: never changed).
     */
    public record RetentionView(UUID societyId, long visitorRetentionDays, long entryPhotoRetentionDays,
                                long deactivatedRetentionDays, Defaults installationDefaults, UUID changedBy,
                                Instant changedAt) {
    }

    /** The installation's retention settings, in days. */
    public record Defaults(long visitorRetentionDays, long entryPhotoRetentionDays, long deactivatedRetentionDays) {
    }

    /** A legal hold in force: whose data ({@code kind}, {@code subjectId}), why, by whom, since when. */
    public record LegalHoldView(UUID holdId, com.gatehouse.api.common.DataSubject.Kind kind, UUID subjectId, UUID societyId, String reason, UUID placedBy,
                                Instant placedAt) {
    }
}
