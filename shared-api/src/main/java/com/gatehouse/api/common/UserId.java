package com.gatehouse.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A user of the platform. Serialised as its bare UUID string. */
public record UserId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UserId {
        Objects.requireNonNull(value, "UserId");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId of(UUID value) {
        return value == null ? null : new UserId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
