package com.gatehouse.api.amenity;

import java.util.UUID;

/** Questions about amenities and bookings, answered by the query side. */
public sealed interface AmenityQuery {

    /** Answers {@code Optional<AmenityView>}. */
    record FindAmenity(UUID amenityId) implements AmenityQuery {
    }

    /** Answers {@code Optional<BookingView>}. */
    record FindBooking(UUID bookingId) implements AmenityQuery {
    }
}
