package com.gatehouse.query.amenity;

import com.gatehouse.api.amenity.AmenityQuery.FindAmenity;
import com.gatehouse.api.amenity.AmenityQuery.FindBooking;
import com.gatehouse.api.amenity.AmenityViews.AmenityView;
import com.gatehouse.api.amenity.AmenityViews.BookingView;
import com.gatehouse.projection.amenity.AmenityReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers the amenity context's queries from its read model. */
@Component
public class AmenityQueryHandler {

    private final AmenityReadModel readModel;

    public AmenityQueryHandler(AmenityReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    public Optional<AmenityView> handle(FindAmenity query) {
        return readModel.amenity(query.amenityId());
    }

    @QueryHandler
    public Optional<BookingView> handle(FindBooking query) {
        return readModel.booking(query.bookingId());
    }
}
