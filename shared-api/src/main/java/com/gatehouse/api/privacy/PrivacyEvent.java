package com.gatehouse.api.privacy;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

/** What happened to people's personal data. Carries no personal data itself: only whose, why and who. */
public sealed interface PrivacyEvent {

    ErasureId erasureId();

    /**
     * The subject's key was deleted: every {@code @PersonalData} field filed under them reads {@code null} from now
     * on, in replays and in the audit trail too. Projections drop their copies of the subject's data when they see
     * it (the same rows a replay leaves empty). {@code by} is null when the retention job erased.
     */
    record PersonalDataErased(ErasureId erasureId, DataSubject subject, SocietyId societyId, String reason, UserId by,
                              Instant erasedAt) implements PrivacyEvent {
    }
}
