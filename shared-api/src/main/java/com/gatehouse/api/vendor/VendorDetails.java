package com.gatehouse.api.vendor;

import java.math.BigDecimal;
import java.util.List;

/** What the directory says about a vendor (the seed's fields); everything but name, category and phone is optional. */
public record VendorDetails(String name, VendorCategory category, String phone, String email, String alternatePhone,
                            String companyName, String description, String address, List<String> workingDays,
                            String workingHours, BigDecimal hourlyRate, BigDecimal minCharge) {

    public VendorDetails {
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
    }
}
