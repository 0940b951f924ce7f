package com.gatehouse.api.preapproval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A resident's pre-approval of a visitor. Serialised as its bare UUID. */
public record PreApprovalId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PreApprovalId {
        Objects.requireNonNull(value, "PreApprovalId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
