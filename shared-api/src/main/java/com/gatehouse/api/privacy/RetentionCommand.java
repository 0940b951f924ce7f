package com.gatehouse.api.privacy;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A society's own retention of personal data. */
public sealed interface RetentionCommand {

    /**
     * Sets the society's retention, in days; a null field follows the installation's setting
     * ({@link RetentionSettings}). Each given value must be within its bounds.
     */
    record ChangeRetention(@TargetAggregateIdentifier RetentionId retentionId, SocietyId societyId,
                           Integer visitorRetentionDays, Integer entryPhotoRetentionDays,
                           Integer deactivatedRetentionDays, UserId by) implements RetentionCommand {

        public ChangeRetention(SocietyId societyId, Integer visitorRetentionDays, Integer entryPhotoRetentionDays,
                               Integer deactivatedRetentionDays, UserId by) {
            this(RetentionId.of(societyId), societyId, visitorRetentionDays, entryPhotoRetentionDays,
                    deactivatedRetentionDays, by);
        }
    }
}
