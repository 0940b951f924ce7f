package com.gatehouse.api.complaint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A complaint filed in a society. Serialised as its bare UUID string. */
public record ComplaintId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ComplaintId {
        Objects.requireNonNull(value, "ComplaintId");
    }

    public static ComplaintId random() {
        return new ComplaintId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
