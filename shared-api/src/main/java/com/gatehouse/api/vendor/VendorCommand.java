package com.gatehouse.api.vendor;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a vendor. A vendor of another society answers 404. */
public sealed interface VendorCommand {

    VendorId vendorId();

    SocietyId societyId();

    record AddVendor(@TargetAggregateIdentifier VendorId vendorId, SocietyId societyId, UserId by,
                     VendorDetails details) implements VendorCommand {
    }

    /** The details after the change (the endpoint fills in what the request left out). */
    record UpdateVendor(@TargetAggregateIdentifier VendorId vendorId, SocietyId societyId, VendorDetails details)
            implements VendorCommand {
    }

    /** An admin marks the vendor verified (or takes the mark back). */
    record VerifyVendor(@TargetAggregateIdentifier VendorId vendorId, SocietyId societyId, UserId by,
                        boolean verified) implements VendorCommand {
    }

    /** The vendor leaves the members' lists (kept, with their ratings); {@code active} true brings them back. */
    record SetVendorActive(@TargetAggregateIdentifier VendorId vendorId, SocietyId societyId, boolean active)
            implements VendorCommand {
    }

    /** A resident rates the vendor 1-5; their earlier rating of this vendor, if any, is replaced. */
    record RateVendor(@TargetAggregateIdentifier VendorId vendorId, SocietyId societyId, UserId by, int rating,
                      String review) implements VendorCommand {
    }
}
