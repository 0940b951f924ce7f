package com.gatehouse.api.amenity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read models of amenities and their bookings, as served. Times of day are "HH:mm", dates "yyyy-MM-dd". */
public final class AmenityViews {

    private AmenityViews() {
    }

    /** An amenity with its booking rules (the seed's field names; bookingDuration is the slot length in minutes). */
    public record AmenityView(UUID id, UUID societyId, String name, AmenityType type, String description,
                              Integer capacity, String openTime, String closeTime, int bookingDuration,
                              int advanceBookingDays, int maxBookingsPerUser, BigDecimal pricePerHour,
                              boolean requiresApproval, @JsonProperty("isActive") boolean active,
                              Instant createdAt, Instant updatedAt) {

        public AmenityView seenBy(Caller caller) {
            if (!caller.canSeeSociety(societyId)) {
                throw Problem.notFound("Amenity");
            }
            return this;
        }
    }

    /** A booking. Residents see their own; admins and auditors the society's. */
    public record BookingView(UUID id, UUID amenityId, String amenityName, UUID societyId, UUID userId, UUID flatId,
                              String bookingDate, String startTime, String endTime, BookingStatus status,
                              int guestCount, String purpose, BigDecimal amount, UUID approvedById,
                              Instant approvedAt, UUID cancelledById, Instant cancelledAt, String cancellationReason,
                              Instant createdAt, Instant updatedAt) {

        public boolean visibleTo(Caller caller) {
            return caller.canSeeSociety(societyId)
                    && (caller.hasRole(Role.ADMIN, Role.AUDITOR, Role.SUPER_ADMIN) || caller.userId().equals(userId));
        }

        public BookingView seenBy(Caller caller) {
            if (!visibleTo(caller)) {
                throw Problem.notFound("Booking");
            }
            return this;
        }
    }

    /** One slot of a day: free, or taken by a PENDING or CONFIRMED booking (whose, only admins are told). */
    public record Slot(String startTime, String endTime, boolean available, BookingStatus status, UUID bookingId) {
    }

    /** The slots of an amenity on a date, in the society's time zone. */
    public record Availability(UUID amenityId, String date, String openTime, String closeTime, int bookingDuration,
                               List<Slot> slots) {
    }
}
