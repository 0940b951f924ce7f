package com.gatehouse.api.privacy;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of an erasure request. */
public sealed interface ErasureRequestCommand {

    /** A user asks for their own data to be erased (asking again while it is pending changes nothing). */
    record RequestErasure(@TargetAggregateIdentifier ErasureRequestId requestId, UserId userId, SocietyId societyId,
                          String reason) implements ErasureRequestCommand {
    }

    /**
     * An admin of {@code bySociety} (null: the platform operator) carries the request out. Answers the
     * {@link Requester} (whom to erase).
     */
    record CarryOutErasureRequest(@TargetAggregateIdentifier ErasureRequestId requestId, UserId by,
                                  SocietyId bySociety) implements ErasureRequestCommand {
    }

    /** Who asked, and their society: the answer to {@link CarryOutErasureRequest}. */
    record Requester(UserId userId, SocietyId societyId) {
    }
}
