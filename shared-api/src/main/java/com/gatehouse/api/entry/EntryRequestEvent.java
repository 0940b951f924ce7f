package com.gatehouse.api.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

import static com.gatehouse.api.common.DataSubject.Kind.VISITOR;

/**
 * What happened to an entry request. Every event names the society and the flat, so projections and
 * live feeds need no lookup. After {@link EntryRequestRaised} exactly one of approved, rejected or expired
 * follows; before it, while nobody decides, {@link EntryRequestReminded} and {@link EntryRequestUnanswered} may.
 */
public sealed interface EntryRequestEvent {

    EntryRequestId requestId();

    SocietyId societyId();

    FlatId flatId();

    /**
     * {@code expiryScheduleId} is the persistent deadline that expires the request at {@code expiresAt}. With
     * {@code autoApprovalReason} nobody is asked: {@link EntryRequestApproved} (by nobody) follows at once, and
     * there is no expiry deadline. {@code reminderScheduleId} and {@code guardAlertScheduleId} are the deadlines
     * of the escalation when nobody answers (null when auto-approved; one falling after the expiry is cancelled by it).
     * The last five are null in events stored before they existed.
     */
    record EntryRequestRaised(EntryRequestId requestId, SocietyId societyId, FlatId flatId, UserId guardId,
                              EntryType type, @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorName,
                              @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorPhone, ProviderTag providerTag,
                              @PersonalData(subject = VISITOR, idFrom = "requestId") String photoKey, Instant raisedAt, Instant expiresAt, String expiryScheduleId,
                              @PersonalData(subject = VISITOR, idFrom = "requestId") String vehicleNumber,
                              Integer packageCount, String autoApprovalReason,
                              String reminderScheduleId, String guardAlertScheduleId)
            implements EntryRequestEvent {

        public EntryRequestRaised(EntryRequestId requestId, SocietyId societyId, FlatId flatId, UserId guardId,
                                  EntryType type, String visitorName, String visitorPhone, ProviderTag providerTag,
                                  String photoKey, Instant raisedAt, Instant expiresAt, String expiryScheduleId) {
            this(requestId, societyId, flatId, guardId, type, visitorName, visitorPhone, providerTag, photoKey, raisedAt,
                    expiresAt, expiryScheduleId, null, null, null, null, null);
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

    /**
     * Nobody has decided for {@code gatehouse.entry-request.remind-after}: the flat's residents are reminded,
     * louder ("still waiting at the gate").
     */
    record EntryRequestReminded(EntryRequestId requestId, SocietyId societyId, FlatId flatId, Instant remindedAt)
            implements EntryRequestEvent {
    }

    /**
     * Nobody has decided for {@code gatehouse.entry-request.guard-alert-after}: the guard who raised it is told,
     * with the flat's residents' phone numbers to call (looked up when the alert is sent, never stored here).
     */
    record EntryRequestUnanswered(EntryRequestId requestId, SocietyId societyId, FlatId flatId, UserId guardId,
                                  Instant unansweredAt) implements EntryRequestEvent {
    }

    /** Nobody decided in time; {@code expiredAt} is when the deadline actually fired. */
    record EntryRequestExpired(EntryRequestId requestId, SocietyId societyId, FlatId flatId, Instant expiredAt)
            implements EntryRequestEvent {
    }
}
