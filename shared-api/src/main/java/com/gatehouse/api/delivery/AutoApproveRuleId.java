package com.gatehouse.api.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A flat's standing rule that lets some deliveries in without asking. Serialised as its bare UUID. */
public record AutoApproveRuleId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AutoApproveRuleId {
        Objects.requireNonNull(value, "AutoApproveRuleId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
