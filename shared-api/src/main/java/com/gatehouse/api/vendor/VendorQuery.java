package com.gatehouse.api.vendor;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions about vendors, answered by the query side. */
public sealed interface VendorQuery {

    /** Answers {@code Optional<VendorView>}. */
    @ReadModel("vendors")
    record FindVendor(UUID vendorId) implements VendorQuery {
    }

    /** Answers {@code Optional<RatingView>}: one resident's rating of one vendor. */
    @ReadModel("vendors")
    record FindVendorRating(UUID vendorId, UUID userId) implements VendorQuery {
    }
}
