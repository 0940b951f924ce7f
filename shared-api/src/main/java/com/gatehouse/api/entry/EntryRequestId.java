package com.gatehouse.api.entry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** An entry request: a guard asking a flat whether someone at the gate may come in. Serialised as its bare UUID. */
public record EntryRequestId(@JsonValue UUID value) {

    /** The {@code referenceType} of every notification about an entry request (the request, its reminder, alerts). */
    public static final String REFERENCE_TYPE = "EntryRequest";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EntryRequestId {
        Objects.requireNonNull(value, "EntryRequestId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
