package com.gatehouse.api.privacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.gatehouse.api.common.SocietyId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** A society's retention settings: one per society (derived from its id). */
public record RetentionId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RetentionId {
        Objects.requireNonNull(value, "RetentionId");
    }

    public static RetentionId of(SocietyId society) {
        return new RetentionId(UUID.nameUUIDFromBytes(("retention\n" + society.value()).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
