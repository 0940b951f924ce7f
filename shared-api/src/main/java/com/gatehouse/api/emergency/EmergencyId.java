package com.gatehouse.api.emergency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** An emergency (SOS) raised in a society. Serialised as its bare UUID string. */
public record EmergencyId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EmergencyId {
        Objects.requireNonNull(value, "EmergencyId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
