package com.gatehouse.api.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** What can be asked of a gate-log entry. */
public sealed interface EntryCommand {

    /**
     * Records that someone came in. Issued by whatever admitted them, which creates the entry in the same unit
     * of work: an entry request's approval ({@code requestId}), a pre-approval's scan ({@code preApprovalId}).
     * It names everything the gate log shows so the entry needs no lookup. {@code autoApprovalReason} is set
     * when nobody was asked at the gate (pre-approved, an expected delivery, a standing rule);
     * {@code vehicleNumber} and {@code packageCount} may be null.
     */
    record AdmitEntry(@TargetAggregateIdentifier EntryId entryId, EntryRequestId requestId, SocietyId societyId,
                      FlatId flatId, EntryType type, String visitorName, String visitorPhone, ProviderTag providerTag,
                      String photoKey, UserId guardId, UserId approvedBy, UUID preApprovalId,
                      String autoApprovalReason, String vehicleNumber, Integer packageCount) implements EntryCommand {

        /** An entry admitted by a resident's decision on a request. */
        public AdmitEntry(EntryId entryId, EntryRequestId requestId, SocietyId societyId, FlatId flatId,
                          EntryType type, String visitorName, String visitorPhone, ProviderTag providerTag,
                          String photoKey, UserId guardId, UserId approvedBy) {
            this(entryId, requestId, societyId, flatId, type, visitorName, visitorPhone, providerTag, photoKey,
                    guardId, approvedBy, null, null, null, null);
        }
    }

    /** A guard of {@code guardSocietyId} records that the visitor left. */
    record CheckOutEntry(@TargetAggregateIdentifier EntryId entryId, UserId guardId, SocietyId guardSocietyId)
            implements EntryCommand {
    }
}
