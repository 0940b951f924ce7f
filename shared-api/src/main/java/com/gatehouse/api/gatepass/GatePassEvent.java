package com.gatehouse.api.gatepass;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.gatehouse.api.common.DataSubject.Kind.VISITOR;

/**
 * What happened to a gate pass. Every event names the society and the flat; decisions also name who asked,
 * so the notifier needs no lookup.
 */
public sealed interface GatePassEvent {

    GatePassId gatePassId();

    SocietyId societyId();

    FlatId flatId();

    /** {@code expiryScheduleId} is the persistent deadline that expires the pass at {@code validUntil}. */
    record GatePassRequested(GatePassId gatePassId, SocietyId societyId, FlatId flatId, UserId requestedBy,
                             GatePassType type, String title, String description, Instant validFrom,
                             Instant validUntil,
                             @PersonalData(subject = VISITOR, idFrom = "gatePassId") String vehicleNumber,
                             @PersonalData(subject = VISITOR, idFrom = "gatePassId") String driverName,
                             @PersonalData(subject = VISITOR, idFrom = "gatePassId") String driverPhone,
                             List<String> items,
                             @PersonalData(subject = VISITOR, idFrom = "gatePassId") String workerName,
                             @PersonalData(subject = VISITOR, idFrom = "gatePassId") String workerPhone,
                             String companyName,
                             List<UUID> attachments, Instant requestedAt, String expiryScheduleId)
            implements GatePassEvent {
    }

    record GatePassApproved(GatePassId gatePassId, SocietyId societyId, FlatId flatId, UserId requestedBy,
                            GatePassType type, String title, UserId approvedBy, Instant approvedAt)
            implements GatePassEvent {
    }

    record GatePassRejected(GatePassId gatePassId, SocietyId societyId, FlatId flatId, UserId requestedBy,
                            GatePassType type, String title, UserId rejectedBy, String reason, Instant rejectedAt)
            implements GatePassEvent {
    }

    /** The pass went through the gate: its one use. */
    record GatePassUsed(GatePassId gatePassId, SocietyId societyId, FlatId flatId, UserId guardId, Instant usedAt)
            implements GatePassEvent {
    }

    record GatePassCancelled(GatePassId gatePassId, SocietyId societyId, FlatId flatId, UserId cancelledBy,
                             Instant cancelledAt) implements GatePassEvent {
    }

    /** validUntil came before its use; {@code expiredAt} is when the deadline actually fired. */
    record GatePassExpired(GatePassId gatePassId, SocietyId societyId, FlatId flatId, Instant expiredAt)
            implements GatePassEvent {
    }
}
