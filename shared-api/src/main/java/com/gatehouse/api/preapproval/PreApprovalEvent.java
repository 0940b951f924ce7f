package com.gatehouse.api.preapproval;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryId;

import java.time.Instant;

import static com.gatehouse.api.common.DataSubject.Kind.VISITOR;

/**
 * What happened to a pre-approval. Every event names the society and the flat. After
 * {@link PreApprovalCreated}: any number of {@link PreApprovalUsed} (at most maxUses), then at most one of
 * {@link PreApprovalCancelled} or {@link PreApprovalExpired} while uses remain.
 */
public sealed interface PreApprovalEvent {

    PreApprovalId preApprovalId();

    SocietyId societyId();

    FlatId flatId();

    /**
     * {@code code} is the 6-digit entry code (unique among the society's active pre-approvals);
     * {@code expiryScheduleId} the persistent deadline that expires it at {@code validUntil}.
     */
    record PreApprovalCreated(PreApprovalId preApprovalId, SocietyId societyId, FlatId flatId, UserId createdBy,
                              @PersonalData(subject = VISITOR, idFrom = "preApprovalId") String visitorName,
                              @PersonalData(subject = VISITOR, idFrom = "preApprovalId") String visitorPhone,
                              VisitorType visitorType,
                              @PersonalData(subject = VISITOR, idFrom = "preApprovalId") String purpose,
                              @PersonalData(subject = VISITOR, idFrom = "preApprovalId") String vehicleNumber,
                              Instant validFrom, Instant validUntil, int maxUses, String code,
                              Instant createdAt, String expiryScheduleId) implements PreApprovalEvent {
    }

    /**
     * One use: the visitor came in as gate-log entry {@code entryId} (created in the same transaction).
     * When {@code usedCount} reaches {@code maxUses} the pre-approval is USED.
     */
    record PreApprovalUsed(PreApprovalId preApprovalId, SocietyId societyId, FlatId flatId, EntryId entryId,
                           UserId guardId, @PersonalData(subject = VISITOR, idFrom = "preApprovalId") String visitorName,
                           int usedCount, int maxUses, Instant usedAt)
            implements PreApprovalEvent {
    }

    record PreApprovalCancelled(PreApprovalId preApprovalId, SocietyId societyId, FlatId flatId, UserId cancelledBy,
                                Instant cancelledAt) implements PreApprovalEvent {
    }

    /** validUntil passed with uses left; {@code expiredAt} is when the deadline actually fired. */
    record PreApprovalExpired(PreApprovalId preApprovalId, SocietyId societyId, FlatId flatId, Instant expiredAt)
            implements PreApprovalEvent {
    }
}
