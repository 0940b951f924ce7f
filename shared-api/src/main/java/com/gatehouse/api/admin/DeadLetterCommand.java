package com.gatehouse.api.admin;

import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What the platform operator can decide about an event a processing group could not handle. */
public sealed interface DeadLetterCommand {

    /**
     * Removes a parked event from a group's dead letters for good (the group never handles it), and records
     * who did it and why. {@code reason} is required.
     */
    record EvictDeadLetter(@TargetAggregateIdentifier String deadLetterId, String processingGroup, String reason,
                           UserId by) implements DeadLetterCommand {
    }
}
