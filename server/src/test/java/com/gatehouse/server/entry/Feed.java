package com.gatehouse.server.entry;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/** What one real RSocket client receives on a stream route, frame by frame, as an app would see it (any context's stream). */
public final class Feed implements AutoCloseable {

    private final RSocketRequester requester;
    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final Disposable subscription;
    private volatile Throwable error;

    public Feed(RSocketRequester requester, String route) {
        this.requester = requester;
        this.subscription = requester.route(route).retrieveFlux(JsonNode.class)
                .subscribe(frames::add, e -> error = e);
    }

    /** Waits for the first frame (skipping others) that satisfies {@code wanted}. */
    public JsonNode next(Predicate<JsonNode> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null) {
                fail("No wanted frame within " + within + (error == null ? "" : " (stream failed: " + error + ")")
                        + "; frames seen: " + seen);
            }
            seen.add(frame);
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    /** Every frame received so far (including those {@link #next} skipped). */
    public List<JsonNode> all() {
        List<JsonNode> all = new ArrayList<>(seen);
        frames.drainTo(all);
        seen.clear();
        seen.addAll(all);
        return all;
    }

    public static Predicate<JsonNode> id(Object id, String field, String value) {
        return frame -> frame.path("id").asText().equals(id.toString()) && frame.path(field).asText().equals(value);
    }

    @Override
    public void close() {
        subscription.dispose();
        requester.dispose();
    }
}
