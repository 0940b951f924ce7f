package com.gatehouse.api.vendor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A vendor (plumber, electrician...) in a society's directory. Serialised as its bare UUID string. */
public record VendorId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public VendorId {
        Objects.requireNonNull(value, "VendorId");
    }

    public static VendorId random() {
        return new VendorId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
