package com.gatehouse.api.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** An announcement of a society. Serialised as its bare UUID string. */
public record AnnouncementId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AnnouncementId {
        Objects.requireNonNull(value, "AnnouncementId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
