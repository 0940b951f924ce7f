package com.gatehouse.api.amenity;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions about amenities and bookings, answered by the query side. */
public sealed interface AmenityQuery {

    /** Answers {@code Optional<AmenityView>}. */
    @ReadModel("amenities")
    record FindAmenity(UUID amenityId) implements AmenityQuery {
    }

    /** Answers {@code Optional<BookingView>}. */
    @ReadModel("amenities")
    record FindBooking(UUID bookingId) implements AmenityQuery {
    }
}
