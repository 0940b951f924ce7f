package com.gatehouse.api.amenity;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static com.gatehouse.api.common.DataSubject.Kind.USER;

/** What happened to an amenity and its bookings. */
public sealed interface AmenityEvent {

    AmenityId amenityId();

    SocietyId societyId();

    record AmenityCreated(AmenityId amenityId, SocietyId societyId, String name, AmenityType type,
                          String description, AmenityTerms terms, Instant createdAt) implements AmenityEvent {
    }

    /** The details after the change (all of them). */
    record AmenityUpdated(AmenityId amenityId, SocietyId societyId, String name, AmenityType type,
                          String description, AmenityTerms terms, Instant updatedAt) implements AmenityEvent {
    }

    record AmenityDeactivated(AmenityId amenityId, SocietyId societyId, Instant deactivatedAt)
            implements AmenityEvent {
    }

    /**
     * A slot was booked: PENDING when the amenity needs approval, else CONFIRMED. {@code date}, {@code startTime}
     * and {@code endTime} are in the society's time zone; {@code startsAt}/{@code endsAt} are the same moments.
     */
    record AmenityBooked(AmenityId amenityId, SocietyId societyId, BookingId bookingId, UserId userId,
                         FlatId flatId, String amenityName, LocalDate date, LocalTime startTime, LocalTime endTime,
                         Instant startsAt, Instant endsAt, int guestCount,
                         @PersonalData(subject = USER, idFrom = "userId") String purpose, BookingStatus status,
                         BigDecimal amount, Instant bookedAt)
            implements AmenityEvent {
    }

    record BookingApproved(AmenityId amenityId, SocietyId societyId, BookingId bookingId, UserId userId, UserId by,
                           Instant approvedAt) implements AmenityEvent {
    }

    /** Cancelled by the booker or by an admin ({@code by}); the slot is free again. */
    record BookingCancelled(AmenityId amenityId, SocietyId societyId, BookingId bookingId, UserId userId, UserId by,
                            String reason, Instant cancelledAt) implements AmenityEvent {
    }
}
