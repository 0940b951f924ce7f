package com.gatehouse.api.gatepass;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A gate pass as the apps see it: what it lets through, its window, who asked, who decided (approvedById is
 * also the rejecting admin, as in the seed), and its one use.
 */
public record GatePassView(UUID id, UUID societyId, UUID flatId, UUID requestedById, GatePassType type,
                           GatePassStatus status, String title, String description, Instant validFrom,
                           Instant validUntil, String vehicleNumber, String driverName, String driverPhone,
                           List<String> itemsList, String workerName, String workerPhone, String companyName,
                           List<UUID> attachments, UUID approvedById, Instant approvedAt, String rejectionReason,
                           boolean isUsed, Instant usedAt, UUID usedByGuardId, Instant endedAt, Instant createdAt, boolean erased) {

    /** The pass's QR, once approved. */
    public record GatePassQr(UUID gatePassId, String qrToken, GatePassType type, Instant validFrom,
                             Instant validUntil, GatePassStatus status) {
    }
}
