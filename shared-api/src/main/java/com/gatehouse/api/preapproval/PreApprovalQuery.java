package com.gatehouse.api.preapproval;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions about pre-approvals, answered by the query side. */
public sealed interface PreApprovalQuery {

    /** Answers {@code Optional<PreApprovalView>}; updates carry the changed pre-approval. */
    @ReadModel("pre-approvals")
    record FindPreApproval(UUID preApprovalId) implements PreApprovalQuery {
    }
}
