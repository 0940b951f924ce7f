package com.gatehouse.api.vendor;

import com.gatehouse.api.common.PersonalData;

import java.math.BigDecimal;
import java.util.List;

import static com.gatehouse.api.common.DataSubject.Kind.STAFF;

/**
 * What the directory says about a vendor (the seed's fields); everything but name, category and phone is optional.
 * A vendor is often one person: their name, phones, e-mail and address are personal data, filed under the vendor's
 * id (kind STAFF: someone who works for the society's residents).
 */
public record VendorDetails(VendorId vendorId, @PersonalData(subject = STAFF, idFrom = "vendorId") String name,
                            VendorCategory category,
                            @PersonalData(subject = STAFF, idFrom = "vendorId") String phone,
                            @PersonalData(subject = STAFF, idFrom = "vendorId") String email,
                            @PersonalData(subject = STAFF, idFrom = "vendorId") String alternatePhone,
                            String companyName, String description,
                            @PersonalData(subject = STAFF, idFrom = "vendorId") String address,
                            List<String> workingDays, String workingHours, BigDecimal hourlyRate,
                            BigDecimal minCharge) {

    public VendorDetails {
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
    }
}
