package com.gatehouse.api.amenity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** An amenity (clubhouse, gym, pool...) of a society. Serialised as its bare UUID string. */
public record AmenityId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AmenityId {
        Objects.requireNonNull(value, "AmenityId");
    }

    public static AmenityId random() {
        return new AmenityId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
