package com.gatehouse.api.privacy;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

/** A society's retention of personal data changed: in the audit trail with who and when. */
public sealed interface RetentionEvent {

    /** The society's own settings from now on, in days (null: the installation's setting). */
    record RetentionChanged(RetentionId retentionId, SocietyId societyId, Integer visitorRetentionDays,
                            Integer entryPhotoRetentionDays, Integer deactivatedRetentionDays, UserId by,
                            Instant changedAt) implements RetentionEvent {
    }
}
