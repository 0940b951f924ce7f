package com.gatehouse.api.vendor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read models of the vendor directory, as served. */
public final class VendorViews {

    private VendorViews() {
    }

    /** A vendor with the seed's fields: {@code rating} is the average of the residents' ratings, {@code totalReviews} their count. */
    public record VendorView(UUID id, UUID societyId, String name, VendorCategory category, String phone, String email,
                             String alternatePhone, String companyName, String description, String address,
                             List<String> workingDays, String workingHours, BigDecimal hourlyRate, BigDecimal minCharge,
                             @JsonProperty("isVerified") boolean verified, Instant verifiedAt, BigDecimal rating,
                             int totalReviews, @JsonProperty("isActive") boolean active, UUID addedById,
                             Instant createdAt, Instant updatedAt, boolean erased) {

        public VendorView seenBy(Caller caller) {
            if (!caller.canSeeSociety(societyId)) {
                throw Problem.notFound("Vendor");
            }
            return this;
        }
    }

    /** One resident's rating of a vendor (the latest: a second rating replaces the first). */
    public record RatingView(UUID vendorId, UUID userId, int rating, String review, Instant ratedAt) {
    }

    /** The answer to a rating: the caller's rating and the vendor's average and count after it. */
    public record Rated(UUID vendorId, int rating, String review, BigDecimal averageRating, int totalReviews) {
    }
}
