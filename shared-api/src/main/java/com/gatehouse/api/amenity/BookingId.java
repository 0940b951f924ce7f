package com.gatehouse.api.amenity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A booking of an amenity (a slot on a date). Serialised as its bare UUID string. */
public record BookingId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public BookingId {
        Objects.requireNonNull(value, "BookingId");
    }

    public static BookingId random() {
        return new BookingId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
