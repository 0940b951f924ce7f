package com.gatehouse.api.preapproval;

import com.gatehouse.api.entry.EntryViews.EntryView;

import java.time.Instant;
import java.util.UUID;

/** Read models of pre-approvals, as served over REST. */
public final class PreApprovalViews {

    private PreApprovalViews() {
    }

    /**
     * A pre-approval: the visitor, the validity window, {@code usedCount} of {@code maxUses} and the 6-digit
     * {@code code} a visitor without a smartphone reads out at the gate.
     */
    public record PreApprovalView(UUID id, UUID societyId, UUID flatId, UUID createdById, String visitorName,
                                  String visitorPhone, VisitorType visitorType, String purpose, String vehicleNumber,
                                  Instant validFrom, Instant validUntil, int maxUses, int usedCount,
                                  int remainingUses, PreApprovalStatus status, String code, Instant lastUsedAt,
                                  Instant endedAt, Instant createdAt, boolean erased) {
    }

    /** What the resident shares: the QR token (also drawn as a PNG at /qr) and the code. */
    public record PreApprovalQr(UUID preApprovalId, String qrToken, String code, Instant validFrom,
                                Instant validUntil, PreApprovalStatus status) {
    }

    /** A guard's scan: the gate-log entry that admitted the visitor and the pre-approval after this use. */
    public record PreApprovalScan(EntryView entry, PreApprovalView preApproval) {
    }
}
