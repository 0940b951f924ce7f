package com.gatehouse.api.amenity;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What can be asked of an amenity: its details (admins) and its bookings (bookings are decided by the amenity,
 * one command at a time, so two overlapping bookings can never both hold a slot). Every command names the
 * society the caller acts in: an amenity of another society answers 404.
 */
public sealed interface AmenityCommand {

    AmenityId amenityId();

    SocietyId societyId();

    record CreateAmenity(@TargetAggregateIdentifier AmenityId amenityId, SocietyId societyId, String name,
                         AmenityType type, String description, AmenityTerms terms) implements AmenityCommand {
    }

    /** The details after the change (the endpoint fills in what the request left out). */
    record UpdateAmenity(@TargetAggregateIdentifier AmenityId amenityId, SocietyId societyId, String name,
                         AmenityType type, String description, AmenityTerms terms) implements AmenityCommand {
    }

    /** No new bookings from now on; bookings already made stay (admins cancel them one by one if needed). */
    record DeactivateAmenity(@TargetAggregateIdentifier AmenityId amenityId, SocietyId societyId)
            implements AmenityCommand {
    }

    /** Books {@code [startTime, endTime)} on {@code date} (society time) for {@code userId} of {@code flatId}. */
    record BookAmenity(@TargetAggregateIdentifier AmenityId amenityId, SocietyId societyId, BookingId bookingId,
                       UserId userId, FlatId flatId, LocalDate date, LocalTime startTime, LocalTime endTime,
                       Integer guestCount, String purpose) implements AmenityCommand {
    }

    /** An admin confirms a PENDING booking. */
    record ApproveBooking(@TargetAggregateIdentifier AmenityId amenityId, SocietyId societyId, BookingId bookingId,
                          UserId by) implements AmenityCommand {
    }

    /** The booker (or an admin, {@code byAdmin}) cancels an active booking, freeing its slot. */
    record CancelBooking(@TargetAggregateIdentifier AmenityId amenityId, SocietyId societyId, BookingId bookingId,
                         UserId by, boolean byAdmin, String reason) implements AmenityCommand {
    }
}
