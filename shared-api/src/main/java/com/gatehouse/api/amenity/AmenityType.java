package com.gatehouse.api.amenity;

/** What kind of amenity (the seed's enum). */
public enum AmenityType {
    CLUBHOUSE, GYM, SWIMMING_POOL, PARTY_HALL, SPORTS_COURT, BANQUET_HALL, GARDEN, OTHER
}
