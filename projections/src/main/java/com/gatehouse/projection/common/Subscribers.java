package com.gatehouse.projection.common;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Whether anyone is subscribed to a kind of query right now (a phone's live feed, a REST call waiting
 * for its change). Projections build and emit a view only then: reading a row back for nobody is what
 * would make live processing and replays slow.
 * <p>
 * Never while an event is replayed (a rebuild, see {@code ShadowRebuilds}): the rebuilt rows are not the
 * served ones yet, and connected apps saw these changes when they happened. This is the one place that
 * decides it for every projection.
 */
public final class Subscribers {

    private Subscribers() {
    }

    public static boolean waitingFor(QueryUpdateEmitter emitter, Class<?>... queryTypes) {
        if (replaying()) {
            return false;
        }
        return emitter.activeSubscriptions().stream().anyMatch(subscription -> {
            for (Class<?> type : queryTypes) {
                if (type.isInstance(subscription.getPayload())) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Whether the event being handled is a replay (the rebuild of a read model), not a new event. */
    public static boolean replaying() {
        return CurrentUnitOfWork.isStarted() && ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }
}
