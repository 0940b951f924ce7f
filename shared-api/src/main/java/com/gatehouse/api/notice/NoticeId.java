package com.gatehouse.api.notice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A notice of a society's notice board. Serialised as its bare UUID string. */
public record NoticeId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public NoticeId {
        Objects.requireNonNull(value, "NoticeId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
