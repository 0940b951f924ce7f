package com.gatehouse.api.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;
import java.util.UUID;

import static com.gatehouse.api.common.DataSubject.Kind.VISITOR;

/** What happened to a gate-log entry. Every event names the society and the flat. */
public sealed interface EntryEvent {

    EntryId entryId();

    SocietyId societyId();

    FlatId flatId();

    /**
     * Someone came in. For the kinds watched for overstay, {@code overstayAt} is when the alert is due and
     * {@code overstayScheduleId} the persistent deadline that raises it; both are null otherwise.
     * {@code requestId} names the approved entry request, {@code preApprovalId} the pre-approval scanned (at
     * most one of them; both null never happens today). {@code autoApprovalReason} is set when nobody was asked
     * at the gate. The last four are null in events stored before they existed.
     */
    record EntryAdmitted(EntryId entryId, EntryRequestId requestId, SocietyId societyId, FlatId flatId, EntryType type,
                         @PersonalData(subject = VISITOR, idFrom = {"requestId", "preApprovalId"}) String visitorName,
                         @PersonalData(subject = VISITOR, idFrom = {"requestId", "preApprovalId"}) String visitorPhone, ProviderTag providerTag,
                         @PersonalData(subject = VISITOR, idFrom = {"requestId", "preApprovalId"}) String photoKey,
                         UserId guardId, UserId approvedBy, Instant enteredAt, Instant overstayAt,
                         String overstayScheduleId, UUID preApprovalId, String autoApprovalReason,
                         @PersonalData(subject = VISITOR, idFrom = {"requestId", "preApprovalId"}) String vehicleNumber,
                         Integer packageCount) implements EntryEvent {

        /** An entry admitted by a resident's decision on a request. */
        public EntryAdmitted(EntryId entryId, EntryRequestId requestId, SocietyId societyId, FlatId flatId,
                             EntryType type, String visitorName, String visitorPhone, ProviderTag providerTag,
                             String photoKey, UserId guardId, UserId approvedBy, Instant enteredAt, Instant overstayAt,
                             String overstayScheduleId) {
            this(entryId, requestId, societyId, flatId, type, visitorName, visitorPhone, providerTag, photoKey,
                    guardId, approvedBy, enteredAt, overstayAt, overstayScheduleId, null, null, null, null);
        }

        public boolean autoApproved() {
            return autoApprovalReason != null;
        }
    }

    record EntryCheckedOut(EntryId entryId, SocietyId societyId, FlatId flatId, UserId checkedOutBy, Instant exitedAt)
            implements EntryEvent {
    }

    /**
     * The entry was still open when its overstay deadline fired: raised once per entry. {@code requestId} (the
     * visit, whose data the name is) is null in events stored before it was added; {@code preApprovalId} (the visit
     * of an entry admitted by a pre-approval's scan) too.
     */
    record EntryOverstayed(EntryId entryId, EntryRequestId requestId, SocietyId societyId, FlatId flatId,
                           EntryType type,
                           @PersonalData(subject = VISITOR, idFrom = {"requestId", "preApprovalId"}) String visitorName,
                           ProviderTag providerTag, Instant enteredAt, Instant alertedAt, UUID preApprovalId)
            implements EntryEvent {

        public EntryOverstayed(EntryId entryId, EntryRequestId requestId, SocietyId societyId, FlatId flatId,
                               EntryType type, String visitorName, ProviderTag providerTag, Instant enteredAt,
                               Instant alertedAt) {
            this(entryId, requestId, societyId, flatId, type, visitorName, providerTag, enteredAt, alertedAt, null);
        }
    }
}
