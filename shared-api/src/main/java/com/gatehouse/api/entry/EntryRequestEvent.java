package com.gatehouse.api.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

import static com.gatehouse.api.common.DataSubject.Kind.VISITOR;

/**
 * What happened to an entry request. Every event names the society and the flat, so projections and
 * live feeds need no lookup. After {@link EntryRequestRaised} exactly one of the other three follows.
 */
public sealed interface EntryRequestEvent {

    EntryRequestId requestId();

    SocietyId societyId();

    FlatId flatId();

    /**
     * {@code expiryScheduleId} is the persistent deadline that expires the request at {@code expiresAt}. With
     * {@code autoApprovalReason} nobody is asked: {@link EntryRequestApproved} (by nobody) follows at once, and
     * there is no expiry deadline. The last three are null in events stored before they existed.
     */
    record EntryRequestRaised(EntryRequestId requestId, SocietyId societyId, FlatId flatId, UserId guardId,
                              EntryType type, @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorName,
                              @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorPhone, ProviderTag providerTag,
                              @PersonalData(subject = VISITOR, idFrom = "requestId") String photoKey, Instant raisedAt, Instant expiresAt, String expiryScheduleId,
                              @PersonalData(subject = VISITOR, idFrom = "requestId") String vehicleNumber,
                              Integer packageCount, String autoApprovalReason)
            implements EntryRequestEvent {

        public EntryRequestRaised(EntryRequestId requestId, SocietyId societyId, FlatId flatId, UserId guardId,
                                  EntryType type, String visitorName, String visitorPhone, ProviderTag providerTag,
                                  String photoKey, Instant raisedAt, Instant expiresAt, String expiryScheduleId) {
            this(requestId, societyId, flatId, guardId, type, visitorName, visitorPhone, providerTag, photoKey, raisedAt,
                    expiresAt, expiryScheduleId, null, null, null);
        }
    }

    /**
     * The visitor may come in: {@code entryId} is the gate-log entry created in the same transaction.
     * {@code approvedBy} is null when nobody was asked (an auto-approved request).
     */
    record EntryRequestApproved(EntryRequestId requestId, SocietyId societyId, FlatId flatId, UserId approvedBy,
                                EntryId entryId, Instant approvedAt) implements EntryRequestEvent {
    }

    record EntryRequestRejected(EntryRequestId requestId, SocietyId societyId, FlatId flatId, UserId rejectedBy,
                                @PersonalData(subject = VISITOR, idFrom = "requestId") String reason, Instant rejectedAt) implements EntryRequestEvent {
    }

    /** Nobody decided in time; {@code expiredAt} is when the deadline actually fired. */
    record EntryRequestExpired(EntryRequestId requestId, SocietyId societyId, FlatId flatId, Instant expiredAt)
            implements EntryRequestEvent {
    }
}
