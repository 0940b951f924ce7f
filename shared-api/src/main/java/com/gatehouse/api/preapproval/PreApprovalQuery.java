package com.gatehouse.api.preapproval;

import java.util.UUID;

/** Questions about pre-approvals, answered by the query side. */
public sealed interface PreApprovalQuery {

    /** Answers {@code Optional<PreApprovalView>}; updates carry the changed pre-approval. */
    record FindPreApproval(UUID preApprovalId) implements PreApprovalQuery {
    }
}
