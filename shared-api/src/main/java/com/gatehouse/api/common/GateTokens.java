package com.gatehouse.api.common;

import java.util.UUID;

/**
 * QR tokens of the gate (pre-approvals, gate passes): short tokens signed by the server naming one
 * thing and its society. Each kind has its own token type and audience, so a pre-approval token is never
 * read as a gate pass, and neither is ever valid as an access token. A token proves only what it was issued
 * for; whether it still admits anyone is decided by its aggregate. Implemented by the server.
 */
public interface GateTokens {

    enum Kind {
        PRE_APPROVAL("preapproval+jwt", "gatehouse:pre-approval"),
        GATE_PASS("gatepass+jwt", "gatehouse:gate-pass");

        public final String type;
        public final String audience;

        Kind(String type, String audience) {
            this.type = type;
            this.audience = audience;
        }
    }

    record GateToken(Kind kind, UUID id, SocietyId societyId) {
    }

    /** The token to draw as a QR code (the same token every time for one id). */
    String issue(GateToken token);

    default String issue(Kind kind, UUID id, UUID societyId) {
        return issue(new GateToken(kind, id, new SocietyId(societyId)));
    }

    /**
     * The thing a token of this kind stands for; refuses (400, field {@code qrToken}) anything else: forged,
     * altered, another kind of token, garbage.
     */
    GateToken read(Kind kind, String token);
}
