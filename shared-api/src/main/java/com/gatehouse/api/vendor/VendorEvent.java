package com.gatehouse.api.vendor;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.math.BigDecimal;
import java.time.Instant;

/** What happened to a vendor of a society's directory. */
public sealed interface VendorEvent {

    VendorId vendorId();

    SocietyId societyId();

    record VendorAdded(VendorId vendorId, SocietyId societyId, UserId addedBy, VendorDetails details, Instant addedAt)
            implements VendorEvent {
    }

    /** The details after the change (all of them). */
    record VendorUpdated(VendorId vendorId, SocietyId societyId, VendorDetails details, Instant updatedAt)
            implements VendorEvent {
    }

    record VendorVerified(VendorId vendorId, SocietyId societyId, boolean verified, UserId by, Instant at)
            implements VendorEvent {
    }

    record VendorActiveSet(VendorId vendorId, SocietyId societyId, boolean active, Instant at) implements VendorEvent {
    }

    /**
     * A resident's rating; {@code replacedRating} is their earlier one (null for a first rating). {@code average}
     * (two decimals) and {@code count} are the vendor's after this rating: one rating per resident counts.
     */
    record VendorRated(VendorId vendorId, SocietyId societyId, UserId by, int rating, String review,
                       Integer replacedRating, BigDecimal average, int count, Instant ratedAt) implements VendorEvent {
    }
}
