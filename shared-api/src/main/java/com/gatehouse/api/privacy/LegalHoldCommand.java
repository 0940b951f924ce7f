package com.gatehouse.api.privacy;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Holding a person's data against erasure (a legal hold), and letting it go again. */
public sealed interface LegalHoldCommand {

    LegalHoldId holdId();

    /**
     * Keep the subject's data: no retention rule erases it, nor does anyone, while the hold lasts. {@code reason} says
     * why (a case, an order; never the person's data); {@code societyId} is the subject's society.
     */
    record PlaceLegalHold(@TargetAggregateIdentifier LegalHoldId holdId, DataSubject subject, SocietyId societyId,
                          String reason, UserId by) implements LegalHoldCommand {

        public PlaceLegalHold(DataSubject subject, SocietyId societyId, String reason, UserId by) {
            this(LegalHoldId.of(subject), subject, societyId, reason, by);
        }
    }

    /** Let the hold go; {@code bySociety} is the caller's society (null: the platform operator, any society). */
    record ReleaseLegalHold(@TargetAggregateIdentifier LegalHoldId holdId, SocietyId bySociety, UserId by)
            implements LegalHoldCommand {
    }
}
