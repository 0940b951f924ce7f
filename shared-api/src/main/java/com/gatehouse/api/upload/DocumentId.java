package com.gatehouse.api.upload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * An upload, from the moment its URL is issued; once confirmed it is the document's {@code id}. The
 * same UUID is the {@code {uuid}} segment of its object key. Serialised as its bare UUID string.
 */
public record DocumentId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DocumentId {
        Objects.requireNonNull(value, "DocumentId");
    }

    public static DocumentId of(UUID value) {
        return value == null ? null : new DocumentId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
