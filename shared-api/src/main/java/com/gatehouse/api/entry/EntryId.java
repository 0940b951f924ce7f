package com.gatehouse.api.entry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** An entry of the gate log: someone who came in (and later left). Serialised as its bare UUID. */
public record EntryId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EntryId {
        Objects.requireNonNull(value, "EntryId");
    }

    /** The entry an approved request admits: derived from the request, so one request admits at most one entry. */
    public static EntryId admittedBy(EntryRequestId request) {
        return new EntryId(UUID.nameUUIDFromBytes(("entry\n" + request).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
