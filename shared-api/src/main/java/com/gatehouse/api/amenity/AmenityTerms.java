package com.gatehouse.api.amenity;

import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * The booking rules of an amenity. Slots are {@code slotMinutes} long, laid from {@code openTime}; a booking is
 * one or more whole slots between {@code openTime} and {@code closeTime} (times of day in the society's time
 * zone), on a date from today to {@code advanceBookingDays} ahead; a user holds at most
 * {@code maxBookingsPerUser} active bookings of it; {@code capacity} (when set) caps the guests of a booking;
 * {@code requiresApproval} makes new bookings PENDING until an admin approves them.
 */
public record AmenityTerms(Integer capacity, LocalTime openTime, LocalTime closeTime, int slotMinutes,
                           int advanceBookingDays, int maxBookingsPerUser, BigDecimal pricePerHour,
                           boolean requiresApproval) {
}
