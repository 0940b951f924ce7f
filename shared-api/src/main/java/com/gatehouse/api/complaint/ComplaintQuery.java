package com.gatehouse.api.complaint;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions about complaints, answered by the query side. */
public sealed interface ComplaintQuery {

    /** Answers {@code Optional<ComplaintView>} (the whole view: scope it with {@code seenBy} before serving it). */
    @ReadModel("complaints")
    record FindComplaint(UUID complaintId) implements ComplaintQuery {
    }
}
