package com.gatehouse.api.gatepass;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing the gate expects, as {@code gate.passes.stream} carries it: a gate pass ({@code kind GATE_PASS},
 * {@code name} its title, {@code type} its pass type) or a pre-approval ({@code kind PRE_APPROVAL}, {@code name} the
 * visitor, {@code type} the visitor type), with its status and window; {@code usedCount}/{@code maxUses} count a
 * pre-approval's uses (a pass has one).
 */
public record ExpectedAtGate(Kind kind, UUID id, UUID flatId, String status, String name, String type,
                             Instant validFrom, Instant validUntil, int usedCount, int maxUses) {

    public enum Kind { GATE_PASS, PRE_APPROVAL }

    public static ExpectedAtGate of(GatePassView pass) {
        return new ExpectedAtGate(Kind.GATE_PASS, pass.id(), pass.flatId(), pass.status().name(), pass.title(),
                pass.type().name(), pass.validFrom(), pass.validUntil(), pass.isUsed() ? 1 : 0, 1);
    }

    public static ExpectedAtGate of(com.gatehouse.api.preapproval.PreApprovalViews.PreApprovalView preApproval) {
        return new ExpectedAtGate(Kind.PRE_APPROVAL, preApproval.id(), preApproval.flatId(), preApproval.status().name(),
                preApproval.visitorName(), preApproval.visitorType().name(), preApproval.validFrom(),
                preApproval.validUntil(), preApproval.usedCount(), preApproval.maxUses());
    }
}
