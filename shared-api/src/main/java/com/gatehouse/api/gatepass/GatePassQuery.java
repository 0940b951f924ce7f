package com.gatehouse.api.gatepass;

import java.util.UUID;

/** Questions about gate passes, answered by the query side. */
public sealed interface GatePassQuery {

    /** Answers {@code Optional<GatePassView>}; updates carry the changed pass. */
    record FindGatePass(UUID gatePassId) implements GatePassQuery {
    }

    /**
     * The gate's live list of what is expected: answers {@code List<ExpectedAtGate>}, the society's approved gate
     * passes and active pre-approvals valid at some time today (society time), soonest first; updates carry every
     * gate pass and pre-approval of the society as it changes.
     */
    record WatchGatePasses(UUID societyId) implements GatePassQuery {
    }

    /** How much state the feed sends before its changes. */
    int INITIAL_LIMIT = 200;
}
