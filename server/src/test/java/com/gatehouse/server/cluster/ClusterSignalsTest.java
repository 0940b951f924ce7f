package com.gatehouse.server.cluster;

import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.server.support.IntegrationTest;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signals (live changes, read-model versions) go out after the work that published them commits, never before and
 * never if it rolls back, and arrive in the order they were published, on the real database's NOTIFY/LISTEN.
 * Absence is proven by order: a marker published after a dropped signal arrives, the dropped one before it never.
 */
class ClusterSignalsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ClusterSignals signals;

    @Test
    void aSignalOfAUnitOfWorkGoesOutAfterItCommitsAndNeverIfItRollsBack() throws Exception {
        String topic = "test-" + UUID.randomUUID();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (var subscription = signals.subscribe(topic, heard::add)) {
            var committing = DefaultUnitOfWork.startAndGet(null);
            signals.publish(topic, "in the committing work");
            // published outside any unit of work (on another thread: CurrentUnitOfWork is per thread)
            CompletableFuture.runAsync(() -> signals.publish(topic, "marker 1")).join();
            await().atMost(WAIT).until(() -> heard.contains("marker 1"));
            assertThat(heard).as("not before the commit").containsExactly("marker 1");
            committing.commit();
            await().atMost(WAIT).until(() -> heard.size() == 2);
            assertThat(heard).containsExactly("marker 1", "in the committing work");

            var failing = DefaultUnitOfWork.startAndGet(null);
            signals.publish(topic, "in the rolled back work");
            failing.rollback();
            signals.publish(topic, "marker 2");
            await().atMost(WAIT).until(() -> heard.contains("marker 2"));
            assertThat(heard).containsExactly("marker 1", "in the committing work", "marker 2");
        }
    }

    @Test
    void aFailedEventHandlersSignalsAreDroppedWithItsSavepointAndTheOthersGoOut() throws Exception {
        String topic = "test-" + UUID.randomUUID();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (var subscription = signals.subscribe(topic, heard::add)) {
            var batch = DefaultUnitOfWork.startAndGet(null);
            signals.publish(topic, "first handler");
            int mark = PostgresClusterSignals.pendingMark();
            signals.publish(topic, "failing handler");
            PostgresClusterSignals.discardSince(mark);
            signals.publish(topic, "third handler");
            batch.commit();
            await().atMost(WAIT).until(() -> heard.size() == 2);
            signals.publish(topic, "marker");
            await().atMost(WAIT).until(() -> heard.contains("marker"));
            assertThat(heard).containsExactly("first handler", "third handler", "marker");
        }
    }

    @Test
    void manySignalsFromManyThreadsAllArriveAndEachThreadsInOrder() {
        String topic = "test-" + UUID.randomUUID();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (var subscription = signals.subscribe(topic, heard::add)) {
            int threads = 4;
            int each = 1_000;
            IntStream.range(0, threads).parallel().forEach(t -> {
                for (int i = 0; i < each; i++) {
                    var work = DefaultUnitOfWork.startAndGet(null);
                    signals.publish(topic, t + " " + i);
                    work.commit();
                }
            });
            await().atMost(WAIT).until(() -> heard.size() >= threads * each);
            assertThat(heard).hasSize(threads * each);
            for (int t = 0; t < threads; t++) {
                String prefix = t + " ";
                assertThat(heard.stream().filter(m -> m.startsWith(prefix)).map(m -> Integer.parseInt(m.substring(2))))
                        .as("thread %d's signals in order", t).isSorted().hasSize(each);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
