package com.gatehouse.server.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The embedded (JDBC) event store as the message source of pooled streaming processors, with the one thing its
 * streams lack: a call back when events are available ({@link BlockingStream#setOnAvailableCallback}).
 * <p>
 * Without it a pooled processor that has caught up looks for new events every 500 ms. With tracking processors
 * instead (one thread per segment blocked on the store) every event woke about 70 threads on every instance, and
 * each went through its batch even when none of its handlers took the event. Here one watcher thread per
 * instance tails the store; when the store's reader has new events (a local commit wakes it at once, another
 * instance's events within its fetch delay) the watcher calls every open stream's callback, and each group's
 * coordinator reads them, hands each event only to the segments whose handlers take it, and goes back to sleep.
 * The watcher sees an event only after the store's reader has made it readable, so a woken coordinator finds it.
 */
final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);

    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;

    WakingEventSource(EventStore store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        return new WakingStream(store.openStream(from));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** Starts the watcher (idempotent). */
    synchronized void start() {
        if (watcher == null) {
            watcher = new Thread(this::watch, "event-store-wakeups");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    /** Stops the watcher; the streams stay readable (a processor that is still running polls as it would without). */
    synchronized void stop() {
        Thread running = watcher;
        watcher = null;
        if (running != null) {
            running.interrupt();
        }
    }

    private void watch() {
        BlockingStream<TrackedEventMessage<?>> stream = null;
        long backOff = 100;
        while (watcher == Thread.currentThread()) {
            try {
                if (stream == null) {
                    stream = store.openStream(store.createHeadToken());
                }
                if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    while (stream.hasNextAvailable()) {
                        stream.nextAvailable(); // the messages stay serialized: only their arrival matters here
                    }
                    callbacks.forEach(WakingEventSource::wake);
                }
                backOff = 100;
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // the store unreachable for a moment: the processors poll meanwhile (each run of a coordinator
                // that finds nothing schedules the next one), so nothing waits for this thread
                log.warn("Cannot follow the event store, retrying in {} ms: {}", backOff, e.toString());
                closeQuietly(stream);
                stream = null;
                try {
                    Thread.sleep(backOff);
                } catch (InterruptedException interrupted) {
                    break;
                }
                backOff = Math.min(backOff * 2, 5_000);
            }
        }
        closeQuietly(stream);
    }

    private static void wake(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A processor's wake-up failed", e);
        }
    }

    private static void closeQuietly(BlockingStream<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException ignored) {
                // closing a broken stream
            }
        }
    }

    /** One processor's stream: the store's own, plus the call back. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
