package com.gatehouse.api.gatepass;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What can be asked of a gate pass. Expiry is not asked: its own deadline does it. */
public sealed interface GatePassCommand {

    /** A resident of {@code flatId} asks for a pass; optional fields may be null, lists empty. */
    record RequestGatePass(@TargetAggregateIdentifier GatePassId gatePassId, SocietyId societyId, FlatId flatId,
                           UserId requestedBy, GatePassType type, String title, String description,
                           Instant validFrom, Instant validUntil, String vehicleNumber, String driverName,
                           String driverPhone, List<String> items, String workerName, String workerPhone,
                           String companyName, List<UUID> attachments) implements GatePassCommand {
    }

    /** An admin of {@code adminSocietyId} lets it through. */
    record ApproveGatePass(@TargetAggregateIdentifier GatePassId gatePassId, UserId adminId, SocietyId adminSocietyId)
            implements GatePassCommand {
    }

    /** An admin of {@code adminSocietyId} refuses it, saying why. */
    record RejectGatePass(@TargetAggregateIdentifier GatePassId gatePassId, UserId adminId, SocietyId adminSocietyId,
                          String reason) implements GatePassCommand {
    }

    /** A guard of {@code guardSocietyId} lets the pass through the gate: once. */
    record ScanGatePass(@TargetAggregateIdentifier GatePassId gatePassId, UserId guardId, SocietyId guardSocietyId)
            implements GatePassCommand {
    }

    /** A resident of {@code residentFlatId} calls it off before use. */
    record CancelGatePass(@TargetAggregateIdentifier GatePassId gatePassId, UserId residentId, FlatId residentFlatId)
            implements GatePassCommand {
    }
}
