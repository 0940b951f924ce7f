package com.gatehouse.api.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A delivery a flat expects on a day. Serialised as its bare UUID. */
public record ExpectedDeliveryId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ExpectedDeliveryId {
        Objects.requireNonNull(value, "ExpectedDeliveryId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
