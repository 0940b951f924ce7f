package com.gatehouse.server.notification;

import com.fasterxml.jackson.databind.JsonNode;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What one app receives on notifications.stream, with when each frame arrived (System.nanoTime). */
final class Frames implements AutoCloseable {

    record Frame(JsonNode notification, long arrivedAt) {
        String id() {
            return notification.get("id").asText();
        }

        boolean isRead() {
            return notification.get("isRead").asBoolean();
        }
    }

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private final Disposable subscription;

    Frames(Flux<JsonNode> stream) {
        subscription = stream.subscribe(n -> frames.add(new Frame(n, System.nanoTime())), error::set);
    }

    List<Frame> all() {
        return new ArrayList<>(frames);
    }

    List<Frame> of(String notificationId) {
        return frames.stream().filter(f -> f.id().equals(notificationId)).toList();
    }

    Throwable error() {
        return error.get();
    }

    /** Waits for the first frame matching, failing after the timeout. */
    Frame await(Predicate<Frame> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Frame frame : frames) {
                if (matching.test(frame)) {
                    return frame;
                }
            }
            if (error.get() != null) {
                fail("The stream failed while waiting", error.get());
            }
            sleep(5);
        }
        return fail("No matching frame within " + timeout + "; received " + frames.stream().map(Frame::notification).toList());
    }

    Frame awaitSent(String notificationId, Duration timeout) {
        return await(f -> f.id().equals(notificationId) && !f.isRead(), timeout);
    }

    Frame awaitRead(String notificationId, Duration timeout) {
        return await(f -> f.id().equals(notificationId) && f.isRead(), timeout);
    }

    /** Asserts that nothing else arrives for a while. */
    void expectNothingMoreFor(Duration quiet) {
        int before = frames.size();
        sleep(quiet.toMillis());
        assertThat(frames.subList(before, frames.size())).as("frames after a quiet period").isEmpty();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
