package com.gatehouse.api.common;

import java.util.function.Consumer;

/**
 * Small messages every server instance sharing the database receives, this one included: the one place for
 * "tell all instances" needs (end a user's live streams now, drop a cache entry, ...). Delivery is at most
 * once and only to instances running at that moment, in the order sent from one instance: use it for
 * prompt reactions whose truth lives elsewhere (the event store, a table), never as the truth itself.
 * <p>
 * The server implements it with PostgreSQL {@code NOTIFY}/{@code LISTEN}: a signal sent inside a unit of work (an
 * event handler's batch, a command) goes out just after it commits (and never if it rolls back); one sent outside
 * goes out at once. Either way {@link #publish} does not wait for the sending.
 */
public interface ClusterSignals {

    /** Largest payload (PostgreSQL's NOTIFY limit is 8000 bytes, minus the topic). */
    int MAX_PAYLOAD = 7000;

    /** Sends {@code payload} on {@code topic} to every instance (never blocks: the sending is in the background). */
    void publish(String topic, String payload);

    /**
     * Calls {@code handler} with the payload of every signal on {@code topic} from now on. Handlers run on
     * one listener thread: keep them short and non-blocking. Closing the answer unsubscribes.
     */
    AutoCloseable subscribe(String topic, Consumer<String> handler);
}
