package com.gatehouse.projection.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.ClusterSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one live-query mechanism (every RSocket stream uses it): projections {@link #publish} a changed item in
 * their transaction, and it reaches the subscribers of its keys on every instance when that transaction commits
 * (PostgreSQL {@code NOTIFY} through {@link ClusterSignals}, sent just after the commit; never polled); a stream
 * {@link #query}s "state, then changes".
 * <ul>
 *     <li>Cost per change: one JSON encoding and one {@code NOTIFY} (sent after the commit with others, by each
 *     instance's one sender, never in the projection's transaction); each instance
 *     decodes it once, and only if it has a subscriber of one of its keys (subscribers are indexed by key: no
 *     scan of all subscriptions).</li>
 *     <li>Bounded: each subscriber holds at most {@value #BUFFER} undelivered changes; one that falls further
 *     behind ends at once with {@link SlowSubscriber} (the app reconnects and gets the state again).</li>
 *     <li>Frames are encoded and written on Reactor's parallel scheduler, never on the projection's thread or on
 *     the signal listener's.</li>
 *     <li>One cancellation path: the subscriber leaves the index when its stream ends, whatever ends it (client
 *     cancel, connection closed, error, {@code LiveStreams} revoking access).</li>
 *     <li>Nothing is published while an event is replayed (rebuilds: see {@link Subscribers#replaying()}):
 *     connected apps saw those changes when they happened.</li>
 * </ul>
 */
@Component
public class LiveFeeds implements DisposableBean {

    /** The {@link ClusterSignals} topic of live changes. */
    static final String TOPIC = "live";
    /** Undelivered changes one subscriber may hold. */
    public static final int BUFFER = 1024;
    /** Changes queued between the subscriber's buffer and the encoding thread. */
    static final int PREFETCH = 32;

    private static final Logger log = LoggerFactory.getLogger(LiveFeeds.class);

    private final ClusterSignals signals;
    private final ObjectMapper json;
    private final AutoCloseable subscription;
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

    /** A subscriber that did not keep up: its buffer is full, so it is dropped. */
    public static final class SlowSubscriber extends RuntimeException {
        public SlowSubscriber() {
            super("The client did not keep up with the live changes; reconnect to get the state again",
                    null, false, false);
        }
    }

    public LiveFeeds(ClusterSignals signals, ObjectMapper json) {
        this.signals = signals;
        this.json = json;
        this.subscription = signals.subscribe(TOPIC, this::received);
    }

    /**
     * From a projection's event handler, after it wrote the change: sends {@code item} to the subscribers of any
     * of {@code keys}, on every instance, when the projection's transaction commits. Does nothing during a replay.
     */
    public <V> void publish(LiveFeed<V> feed, V item, String... keys) {
        if (Subscribers.replaying() || keys.length == 0) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a " + feed.name() + " change", e);
        }
        String payload = feed.name() + '\n' + String.join("\t", keys) + '\n' + body;
        if (payload.getBytes(StandardCharsets.UTF_8).length > ClusterSignals.MAX_PAYLOAD) {
            log.warn("A {} change is too large for a live signal ({} chars); subscribers get it on reconnect",
                    feed.name(), payload.length());
            return;
        }
        signals.publish(TOPIC, payload);
    }

    /**
     * State, then changes: follows {@code key} first (so nothing falls between), then sends {@code state}, then
     * every change published to {@code key}. An item may come twice at the seam (in the state and as a change).
     */
    public <V> Flux<V> query(LiveFeed<V> feed, String key, Flux<V> state) {
        return follow(feed, key, state, BUFFER);
    }

    /**
     * Changes only, for a stream that stitches its own start to them (it must subscribe to this before reading
     * its start), holding at most {@code buffer} undelivered changes.
     */
    public <V> Flux<V> changes(LiveFeed<V> feed, String key, int buffer) {
        return follow(feed, key, Flux.empty(), buffer);
    }

    /** How many subscribers on this instance follow {@code key} (for tests: a stream that ended holds nothing). */
    public int following(LiveFeed<?> feed, String key) {
        Set<Subscriber> following = subscribers.get(index(feed.name(), key));
        return following == null ? 0 : following.size();
    }

    @SuppressWarnings("unchecked")
    private <V> Flux<V> follow(LiveFeed<V> feed, String key, Flux<V> state, int buffer) {
        return Flux.defer(() -> {
                    Subscriber subscriber = new Subscriber(buffer);
                    String index = index(feed.name(), key);
                    subscribers.computeIfAbsent(index, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
                    return state.concatWith(subscriber.changes.asFlux().map(item -> (V) item))
                            .doFinally(signal -> subscribers.computeIfPresent(index, (k, set) -> {
                                set.remove(subscriber);
                                return set.isEmpty() ? null : set;
                            }))
                            .publishOn(Schedulers.parallel(), PREFETCH)
                            // after publishOn, which would hold the error behind the changes the client is not reading
                            .takeUntilOther(subscriber.overflow.asMono());
                });
    }

    /** On the signal listener's thread: decode once if anyone here follows one of the keys, and hand it over. */
    private void received(String payload) {
        int header = payload.indexOf('\n');
        int keysEnd = payload.indexOf('\n', header + 1);
        if (header < 0 || keysEnd < 0) {
            return;
        }
        String name = payload.substring(0, header);
        Object item = null;
        for (String key : payload.substring(header + 1, keysEnd).split("\t")) {
            Set<Subscriber> following = subscribers.get(index(name, key));
            if (following == null || following.isEmpty()) {
                continue;
            }
            if (item == null) {
                LiveFeed<?> feed = LiveFeed.named(name);
                if (feed == null) {
                    return;
                }
                try {
                    item = json.readValue(payload.substring(keysEnd + 1), feed.type());
                } catch (JsonProcessingException e) {
                    log.warn("A {} change could not be decoded", name, e);
                    return;
                }
            }
            for (Subscriber subscriber : following) {
                subscriber.offer(item);
            }
        }
    }

    private static String index(String feed, String key) {
        return feed + '\n' + key;
    }

    @Override
    public void destroy() throws Exception {
        subscription.close();
    }

    private static final class Subscriber {
        final Sinks.Many<Object> changes;
        final Sinks.Empty<Void> overflow = Sinks.empty();

        Subscriber(int buffer) {
            changes = Sinks.many().unicast().onBackpressureBuffer(Queues.<Object>get(buffer).get());
        }

        void offer(Object item) {
            if (changes.tryEmitNext(item).isFailure()) {
                overflow.tryEmitError(new SlowSubscriber());
            }
        }
    }
}
