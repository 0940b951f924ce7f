package com.gatehouse.api.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a gate-log entry. */
public sealed interface EntryCommand {

    /**
     * Records that someone came in. Issued by an entry request's approval, which creates the entry in the
     * same unit of work; it names everything the gate log shows so the entry needs no lookup.
     */
    record AdmitEntry(@TargetAggregateIdentifier EntryId entryId, EntryRequestId requestId, SocietyId societyId,
                      FlatId flatId, EntryType type, String visitorName, String visitorPhone, ProviderTag providerTag,
                      String photoKey, UserId guardId, UserId approvedBy) implements EntryCommand {
    }

    /** A guard of {@code guardSocietyId} records that the visitor left. */
    record CheckOutEntry(@TargetAggregateIdentifier EntryId entryId, UserId guardId, SocietyId guardSocietyId)
            implements EntryCommand {
    }
}
