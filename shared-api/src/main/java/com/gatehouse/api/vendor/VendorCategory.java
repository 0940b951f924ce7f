package com.gatehouse.api.vendor;

/** What a vendor does (the seed's enum). */
public enum VendorCategory {
    PLUMBER, ELECTRICIAN, CARPENTER, PAINTER, CLEANER, GARDENER, PEST_CONTROL, APPLIANCE_REPAIR, OTHER
}
