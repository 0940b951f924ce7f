package com.gatehouse.api.common;

import java.util.UUID;

/**
 * The signals that end live connections when the right to them ends, on every instance ({@link ClusterSignals}):
 * a user's access changed (deactivated, another role or flat), or one login of theirs ended (logout).
 */
public final class SessionSignals {

    /** Payload: the user id. Their live streams end; they must log in (or refresh) again. */
    public static final String ACCESS_CHANGED = "session.access-changed";
    /** Payload: {@code <user id> <session id>}. The streams opened with that login's tokens end. */
    public static final String LOGGED_OUT = "session.logged-out";

    private SessionSignals() {
    }

    public static void accessChanged(ClusterSignals signals, UUID userId) {
        signals.publish(ACCESS_CHANGED, userId.toString());
    }

    public static void loggedOut(ClusterSignals signals, UUID userId, UUID sessionId) {
        signals.publish(LOGGED_OUT, userId + " " + sessionId);
    }
}
