package com.gatehouse.api.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of an entry request. Expiry is not asked: the request's own deadline does it. */
public sealed interface EntryRequestCommand {

    /**
     * A guard of {@code societyId} asks flat {@code flatId} to let someone in; optional fields may be null. With
     * {@code autoApprovalReason} nobody is asked: a rule of the flat (an expected delivery, a standing rule)
     * already said yes, and the request is approved at once.
     */
    record RaiseEntryRequest(@TargetAggregateIdentifier EntryRequestId requestId, SocietyId societyId, FlatId flatId,
                             UserId guardId, EntryType type, String visitorName, String visitorPhone,
                             ProviderTag providerTag, String photoKey, String vehicleNumber, Integer packageCount,
                             String autoApprovalReason) implements EntryRequestCommand {

        /** A request the flat decides. */
        public RaiseEntryRequest(EntryRequestId requestId, SocietyId societyId, FlatId flatId, UserId guardId,
                                 EntryType type, String visitorName, String visitorPhone, ProviderTag providerTag,
                                 String photoKey) {
            this(requestId, societyId, flatId, guardId, type, visitorName, visitorPhone, providerTag, photoKey, null,
                    null, null);
        }
    }

    /** A resident, living in {@code residentFlatId}, lets the visitor in. */
    record ApproveEntryRequest(@TargetAggregateIdentifier EntryRequestId requestId, UserId residentId,
                               FlatId residentFlatId) implements EntryRequestCommand {
    }

    /** A resident, living in {@code residentFlatId}, turns the visitor away; the reason may be null. */
    record RejectEntryRequest(@TargetAggregateIdentifier EntryRequestId requestId, UserId residentId,
                              FlatId residentFlatId, String reason) implements EntryRequestCommand {
    }
}
