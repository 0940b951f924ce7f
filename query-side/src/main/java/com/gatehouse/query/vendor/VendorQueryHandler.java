package com.gatehouse.query.vendor;

import com.gatehouse.api.vendor.VendorQuery.FindVendor;
import com.gatehouse.api.vendor.VendorQuery.FindVendorRating;
import com.gatehouse.api.vendor.VendorViews.RatingView;
import com.gatehouse.api.vendor.VendorViews.VendorView;
import com.gatehouse.projection.vendor.VendorReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers the vendor context's queries from its read model. */
@Component
public class VendorQueryHandler {

    private final VendorReadModel readModel;

    public VendorQueryHandler(VendorReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    public Optional<VendorView> handle(FindVendor query) {
        return readModel.vendor(query.vendorId());
    }

    @QueryHandler
    public Optional<RatingView> handle(FindVendorRating query) {
        return readModel.rating(query.vendorId(), query.userId());
    }
}
