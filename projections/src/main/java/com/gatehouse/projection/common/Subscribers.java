package com.gatehouse.projection.common;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Whether live subscribers may be told of the event being handled: never while it is replayed (a rebuild, see
 * {@code ShadowRebuilds}), because the rebuilt rows are not the served ones yet and connected apps saw these
 * changes when they happened. The one place that decides it for every live feed ({@link LiveFeeds#publish}) and
 * every side effect that must not repeat on a replay.
 */
public final class Subscribers {

    private Subscribers() {
    }

    /** Whether the event being handled is a replay (the rebuild of a read model), not a new event. */
    public static boolean replaying() {
        return CurrentUnitOfWork.isStarted() && ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }
}
