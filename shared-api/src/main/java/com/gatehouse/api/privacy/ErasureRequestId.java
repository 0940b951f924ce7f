package com.gatehouse.api.privacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.gatehouse.api.common.UserId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** A person's request to have their data erased: one per user (asking again is the same request). */
public record ErasureRequestId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ErasureRequestId {
        Objects.requireNonNull(value, "ErasureRequestId");
    }

    public static ErasureRequestId of(UserId user) {
        return new ErasureRequestId(UUID.nameUUIDFromBytes(("erasure-request\n" + user).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
