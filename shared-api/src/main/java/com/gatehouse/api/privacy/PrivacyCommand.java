package com.gatehouse.api.privacy;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked about people's personal data. */
public sealed interface PrivacyCommand {

    /**
     * Erase a data subject's personal data: their key is deleted, so every personal field of every event about them
     * reads as erased from then on. {@code societyId} is the society the subject belongs to (null: none, e.g. the
     * platform operator); {@code reason} says why (never the erased values); {@code by} is null for the retention job.
     */
    record EraseSubject(@TargetAggregateIdentifier ErasureId erasureId, DataSubject subject, SocietyId societyId,
                        String reason, UserId by) implements PrivacyCommand {

        public EraseSubject(DataSubject subject, SocietyId societyId, String reason, UserId by) {
            this(ErasureId.of(subject), subject, societyId, reason, by);
        }
    }
}
