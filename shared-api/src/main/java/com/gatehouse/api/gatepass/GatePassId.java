package com.gatehouse.api.gatepass;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A gate pass: leave for goods, a vehicle, a move or maintenance work to pass the gate once. Its bare UUID. */
public record GatePassId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public GatePassId {
        Objects.requireNonNull(value, "GatePassId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
