package com.gatehouse.api.privacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.gatehouse.api.common.DataSubject;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** The legal hold on one data subject: one per subject (derived from its id), placed and released again. */
public record LegalHoldId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LegalHoldId {
        Objects.requireNonNull(value, "LegalHoldId");
    }

    public static LegalHoldId of(UUID subjectId) {
        return new LegalHoldId(UUID.nameUUIDFromBytes(("legal-hold\n" + subjectId).getBytes(StandardCharsets.UTF_8)));
    }

    public static LegalHoldId of(DataSubject subject) {
        return of(subject.id());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
