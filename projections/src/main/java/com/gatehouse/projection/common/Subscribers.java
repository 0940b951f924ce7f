package com.gatehouse.projection.common;

import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Whether anyone is subscribed to a kind of query right now (a phone's live feed, a REST call waiting
 * for its change). Projections build and emit a view only then: reading a row back for nobody is what
 * would make live processing and replays slow.
 */
public final class Subscribers {

    private Subscribers() {
    }

    public static boolean waitingFor(QueryUpdateEmitter emitter, Class<?>... queryTypes) {
        return emitter.activeSubscriptions().stream().anyMatch(subscription -> {
            for (Class<?> type : queryTypes) {
                if (type.isInstance(subscription.getPayload())) {
                    return true;
                }
            }
            return false;
        });
    }
}
