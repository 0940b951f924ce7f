package com.gatehouse.api.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

import static com.gatehouse.api.common.DataSubject.Kind.VISITOR;

/** What happened to a gate-log entry. Every event names the society and the flat. */
public sealed interface EntryEvent {

    EntryId entryId();

    SocietyId societyId();

    FlatId flatId();

    /**
     * Someone came in. For the kinds watched for overstay, {@code overstayAt} is when the alert is due and
     * {@code overstayScheduleId} the persistent deadline that raises it; both are null otherwise.
     */
    record EntryAdmitted(EntryId entryId, EntryRequestId requestId, SocietyId societyId, FlatId flatId, EntryType type,
                         @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorName,
                         @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorPhone, ProviderTag providerTag,
                         @PersonalData(subject = VISITOR, idFrom = "requestId") String photoKey,
                         UserId guardId, UserId approvedBy, Instant enteredAt, Instant overstayAt,
                         String overstayScheduleId) implements EntryEvent {
    }

    record EntryCheckedOut(EntryId entryId, SocietyId societyId, FlatId flatId, UserId checkedOutBy, Instant exitedAt)
            implements EntryEvent {
    }

    /**
     * The entry was still open when its overstay deadline fired: raised once per entry. {@code requestId} (the
     * visit, whose data the name is) is null in events stored before it was added.
     */
    record EntryOverstayed(EntryId entryId, EntryRequestId requestId, SocietyId societyId, FlatId flatId,
                           EntryType type, @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorName,
                           ProviderTag providerTag, Instant enteredAt, Instant alertedAt) implements EntryEvent {
    }
}
