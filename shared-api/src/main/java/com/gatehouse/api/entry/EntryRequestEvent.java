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
     * {@code expiryScheduleId} is the persistent deadline that expires the request at {@code expiresAt};
     * {@code reminderScheduleId} and {@code guardAlertScheduleId} those of the escalation when nobody answers
     * (null when the request expires before them, and in events stored before escalation existed).
     */
    record EntryRequestRaised(EntryRequestId requestId, SocietyId societyId, FlatId flatId, UserId guardId,
                              EntryType type, @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorName,
                              @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorPhone, ProviderTag providerTag,
                              @PersonalData(subject = VISITOR, idFrom = "requestId") String photoKey, Instant raisedAt, Instant expiresAt, String expiryScheduleId,
                              String reminderScheduleId, String guardAlertScheduleId)
            implements EntryRequestEvent {
    }

    /** The visitor may come in: {@code entryId} is the gate-log entry created in the same transaction. */
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
