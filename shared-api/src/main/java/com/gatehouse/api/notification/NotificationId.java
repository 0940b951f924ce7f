package com.gatehouse.api.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.gatehouse.api.common.UserId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification. Derived from (triggering event, recipient): a retried or re-processed trigger
 * addresses the same notification and so can never create a second one.
 */
public record NotificationId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public NotificationId {
        Objects.requireNonNull(value, "NotificationId");
    }

    public static NotificationId of(String triggerId, UserId recipient) {
        return new NotificationId(UUID.nameUUIDFromBytes(("notification\n" + triggerId + "\n" + recipient)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
