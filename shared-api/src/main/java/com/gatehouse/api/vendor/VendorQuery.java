package com.gatehouse.api.vendor;

import java.util.UUID;

/** Questions about vendors, answered by the query side. */
public sealed interface VendorQuery {

    /** Answers {@code Optional<VendorView>}. */
    record FindVendor(UUID vendorId) implements VendorQuery {
    }

    /** Answers {@code Optional<RatingView>}: one resident's rating of one vendor. */
    record FindVendorRating(UUID vendorId, UUID userId) implements VendorQuery {
    }
}
