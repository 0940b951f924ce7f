package com.gatehouse.api.privacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.gatehouse.api.common.DataSubject;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** The erasure of one data subject: one per subject (derived from its id), so erasing twice is one erasure. */
public record ErasureId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ErasureId {
        Objects.requireNonNull(value, "ErasureId");
    }

    public static ErasureId of(DataSubject subject) {
        return new ErasureId(UUID.nameUUIDFromBytes(("erasure\n" + subject.id()).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
