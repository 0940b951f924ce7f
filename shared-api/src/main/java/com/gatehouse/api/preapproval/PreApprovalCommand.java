package com.gatehouse.api.preapproval;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of a pre-approval. Expiry is not asked: its own deadline does it. */
public sealed interface PreApprovalCommand {

    /** A resident of {@code flatId} lets a visitor in ahead of time; optional fields may be null. */
    record CreatePreApproval(@TargetAggregateIdentifier PreApprovalId preApprovalId, SocietyId societyId,
                             FlatId flatId, UserId createdBy, String visitorName, String visitorPhone,
                             VisitorType visitorType, String purpose, String vehicleNumber, Instant validFrom,
                             Instant validUntil, int maxUses) implements PreApprovalCommand {
    }

    /**
     * A guard of {@code guardSocietyId} admits the visitor: one use, and the gate-log entry {@code entryId}
     * created in the same unit of work. Answers the use count after this use.
     */
    record ScanPreApproval(@TargetAggregateIdentifier PreApprovalId preApprovalId, SocietyId guardSocietyId,
                           UserId guardId, EntryId entryId) implements PreApprovalCommand {
    }

    /** A resident of {@code residentFlatId} calls it off. */
    record CancelPreApproval(@TargetAggregateIdentifier PreApprovalId preApprovalId, UserId residentId,
                             FlatId residentFlatId) implements PreApprovalCommand {
    }
}
