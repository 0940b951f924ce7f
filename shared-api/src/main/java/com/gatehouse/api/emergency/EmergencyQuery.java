package com.gatehouse.api.emergency;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions about emergencies, answered by the query side. */
public sealed interface EmergencyQuery {

    /** Answers {@code Optional<EmergencyView>}; updates carry the changed emergency. */
    @ReadModel("emergencies")
    record FindEmergency(UUID emergencyId) implements EmergencyQuery {
    }

    /**
     * The live feed of a society's emergencies. {@code watcher} null: every emergency of the society (guards
     * and admins); else only those the watcher may see (their own, their flat's, and those escalated to their
     * block {@code block}). Answers {@code List<EmergencyView>}: the ACTIVE ones, newest first (at most
     * {@value #INITIAL_LIMIT}); updates carry every change.
     */
    record WatchEmergencies(UUID societyId, UUID watcher, UUID flatId, String block) implements EmergencyQuery {

        /** The one rule of who sees an emergency (streams, lists and reads by id alike). */
        public boolean shows(EmergencyView view) {
            if (!view.societyId().equals(societyId)) {
                return false;
            }
            if (watcher == null) {
                return true;
            }
            return watcher.equals(view.reportedById())
                    || (flatId != null && flatId.equals(view.flatId()))
                    || (view.escalated() && block != null && block.equals(view.block()));
        }
    }

    int INITIAL_LIMIT = 100;
}
