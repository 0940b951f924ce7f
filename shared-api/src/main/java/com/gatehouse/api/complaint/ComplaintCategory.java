package com.gatehouse.api.complaint;

/** What a complaint is about (the seed's enum). */
public enum ComplaintCategory {
    MAINTENANCE, SECURITY, CLEANLINESS, WATER, ELECTRICITY, PARKING, NOISE, PETS, OTHER
}
