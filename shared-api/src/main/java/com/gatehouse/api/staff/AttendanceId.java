package com.gatehouse.api.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** One visit of a staff member, from check-in to check-out. Serialised as its bare UUID string. */
public record AttendanceId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AttendanceId {
        Objects.requireNonNull(value, "AttendanceId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
