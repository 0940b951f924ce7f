package com.gatehouse.api.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A domestic staff member (maid, cook, driver...) registered in a society. Serialised as its bare UUID string. */
public record StaffId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StaffId {
        Objects.requireNonNull(value, "StaffId");
    }

    public static StaffId of(UUID value) {
        return value == null ? null : new StaffId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
