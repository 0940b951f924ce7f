package com.gatehouse.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A flat (unit) of a society. Serialised as its bare UUID string. */
public record FlatId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FlatId {
        Objects.requireNonNull(value, "FlatId");
    }

    public static FlatId random() {
        return new FlatId(UUID.randomUUID());
    }

    public static FlatId of(UUID value) {
        return value == null ? null : new FlatId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
