package com.gatehouse.command.common;

import com.gatehouse.api.common.AppliedVersions;
import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.api.common.ReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes, the waiting half: which aggregate versions each read model (processing group) has applied,
 * as told by every instance's projections at their commits ({@link AppliedVersions} over {@link ClusterSignals}:
 * woken on commit, never polled), and the callers waiting for a version. A version heard is remembered for
 * {@value #REMEMBER_MS} ms or more (a caller may start waiting a moment after the projection committed).
 */
@Component
public class ReadModelVersions implements DisposableBean {

    static final long REMEMBER_MS = 10_000;

    private final EventProcessingConfiguration processing;
    private final AutoCloseable subscription;
    private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> handles = new ConcurrentHashMap<>();
    private volatile Map<String, Long> recent = new ConcurrentHashMap<>();
    private volatile Map<String, Long> older = new ConcurrentHashMap<>();
    private volatile long rotatedAt = System.currentTimeMillis();

    private record Waiter(long version, MonoSink<Void> sink) {
    }

    public ReadModelVersions(ClusterSignals signals, EventProcessingConfiguration processing) {
        this.processing = processing;
        this.subscription = signals.subscribe(AppliedVersions.TOPIC,
                payload -> AppliedVersions.decode(payload, this::applied));
    }

    /** The processing group named by the query's {@link ReadModel}. */
    public static String groupOf(Object query) {
        ReadModel readModel = query.getClass().getAnnotation(ReadModel.class);
        if (readModel == null) {
            throw new IllegalArgumentException(query.getClass().getName() + " names no @ReadModel");
        }
        return readModel.value();
    }

    /**
     * Completes once {@code group} has applied every event in {@code applied} that it handles (at once when it
     * handles none of them). Never completes if that does not happen: the caller sets the timeout.
     */
    public Mono<Void> shown(String group, List<AppliedEvents.Applied> applied) {
        Map<String, Long> versions = new HashMap<>();
        for (var event : applied) {
            if (handles(group, event.eventType())) {
                versions.merge(event.aggregateId(), event.sequenceNumber(), Math::max);
            }
        }
        return Mono.when(versions.entrySet().stream()
                .map(version -> shown(group, version.getKey(), version.getValue())).toList());
    }

    /** Completes once {@code group} has applied the aggregate's events up to {@code version}. */
    public Mono<Void> shown(String group, String aggregateId, long version) {
        String key = group + '\n' + aggregateId;
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(version, sink);
            waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(waiter);
            sink.onDispose(() -> waiting.computeIfPresent(key, (k, set) -> {
                set.remove(waiter);
                return set.isEmpty() ? null : set;
            }));
            if (heard(key) >= version) {
                sink.success();
            }
        });
    }

    private long heard(String key) {
        long a = recent.getOrDefault(key, -1L);
        long b = older.getOrDefault(key, -1L);
        return Math.max(a, b);
    }

    /** On the signal listener's thread: remember, and release the waiters it satisfies. */
    private void applied(String group, String aggregateId, long version) {
        long now = System.currentTimeMillis();
        if (now - rotatedAt > REMEMBER_MS) {
            rotatedAt = now;
            older = recent;
            recent = new ConcurrentHashMap<>();
        }
        String key = group + '\n' + aggregateId;
        recent.merge(key, version, Math::max);
        Set<Waiter> waiters = waiting.get(key);
        if (waiters != null) {
            for (Waiter waiter : waiters) {
                if (version >= waiter.version()) {
                    waiter.sink().success();
                }
            }
        }
    }

    /** Whether the group has a handler for the event type (events it ignores never show in its read model). */
    private boolean handles(String group, String eventType) {
        return handles.computeIfAbsent(group + '\n' + eventType, key -> {
            var processor = processing.eventProcessor(group)
                    .orElseThrow(() -> new IllegalStateException("No processing group " + group));
            if (!(processor instanceof AbstractEventProcessor handlers)) {
                return true;
            }
            try {
                return handlers.eventHandlerInvoker().canHandleType(
                        Class.forName(eventType, false, ReadModelVersions.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public void destroy() throws Exception {
        subscription.close();
    }
}
