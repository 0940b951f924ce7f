package com.gatehouse.api.privacy;

import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

import static com.gatehouse.api.common.DataSubject.Kind.USER;

/** What happened to a person's request to have their data erased. */
public sealed interface ErasureRequestEvent {

    ErasureRequestId requestId();

    /** {@code reason}: what the person wrote, if anything (theirs: erased with them). */
    record ErasureRequested(ErasureRequestId requestId, UserId userId, SocietyId societyId,
                            @PersonalData(subject = USER, idFrom = "userId") String reason, Instant requestedAt)
            implements ErasureRequestEvent {
    }

    /** The admin {@code by} carried it out: the user's data is erased ({@code PersonalDataErased} follows). */
    record ErasureRequestCarriedOut(ErasureRequestId requestId, UserId userId, SocietyId societyId, UserId by,
                                    Instant carriedOutAt) implements ErasureRequestEvent {
    }
}
