package com.gatehouse.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A society (gated community). Serialised as its bare UUID string. */
public record SocietyId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SocietyId {
        Objects.requireNonNull(value, "SocietyId");
    }

    public static SocietyId random() {
        return new SocietyId(UUID.randomUUID());
    }

    public static SocietyId of(UUID value) {
        return value == null ? null : new SocietyId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
