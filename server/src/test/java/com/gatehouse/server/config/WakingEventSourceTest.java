package com.gatehouse.server.config;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caught-up pooled processor sleeps until its stream calls back; these are the promises it relies on: the call
 * back comes when an event is stored, the event is readable at once when it does, and a closed stream is not called.
 */
class WakingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final WakingEventSource source = new WakingEventSource(store);

    @AfterEach
    void stop() {
        source.stop();
        store.shutDown();
    }

    @Test
    void aStoredEventWakesTheStreamAndIsReadableWhenItDoes() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("before"));
        source.start();
        var stream = source.openStream(null);
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");
        assertThat(stream.hasNextAvailable()).isFalse();
        var woken = new Semaphore(0);
        boolean[] readableWhenWoken = new boolean[1];
        assertThat(stream.setOnAvailableCallback(() -> {
            readableWhenWoken[0] = stream.hasNextAvailable();
            woken.release();
        })).isTrue();

        store.publish(GenericEventMessage.asEventMessage("after"));

        assertThat(woken.tryAcquire(2, TimeUnit.SECONDS)).as("woken by the stored event").isTrue();
        assertThat(readableWhenWoken[0]).as("readable without waiting once woken").isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("after");
        stream.close();
    }

    @Test
    void aClosedStreamIsNotWoken() throws Exception {
        source.start();
        var stream = source.openStream(null);
        var woken = new Semaphore(0);
        stream.setOnAvailableCallback(woken::release);
        stream.close();

        store.publish(GenericEventMessage.asEventMessage("after"));

        var open = source.openStream(null);
        var wokenToo = new Semaphore(0);
        open.setOnAvailableCallback(wokenToo::release);
        store.publish(GenericEventMessage.asEventMessage("later"));
        assertThat(wokenToo.tryAcquire(2, TimeUnit.SECONDS)).as("an open stream is woken").isTrue();
        assertThat(woken.availablePermits()).as("the closed one is not").isZero();
        open.close();
    }
}
