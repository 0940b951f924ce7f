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
}
