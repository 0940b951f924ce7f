package com.gatehouse.api.gatepass;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions about gate passes, answered by the query side. */
public sealed interface GatePassQuery {

    /** Answers {@code Optional<GatePassView>}; updates carry the changed pass. */
    @ReadModel("gate-passes")
    record FindGatePass(UUID gatePassId) implements GatePassQuery {
    }

    /** How much state the feed sends before its changes. */
    int INITIAL_LIMIT = 200;
}
