package com.gatehouse.api.privacy;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

/** A legal hold on a person's data, placed and released: both in the audit trail, with who and why. */
public sealed interface LegalHoldEvent {

    LegalHoldId holdId();

    DataSubject subject();

    SocietyId societyId();

    record LegalHoldPlaced(LegalHoldId holdId, DataSubject subject, SocietyId societyId, String reason, UserId by,
                           Instant placedAt) implements LegalHoldEvent {
    }

    record LegalHoldReleased(LegalHoldId holdId, DataSubject subject, SocietyId societyId, UserId by,
                             Instant releasedAt) implements LegalHoldEvent {
    }
}
