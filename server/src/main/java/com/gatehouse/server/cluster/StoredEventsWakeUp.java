package com.gatehouse.server.cluster;

import com.gatehouse.api.common.ClusterSignals;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import javax.annotation.Nonnull;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Events stored by one instance reach the processors of the others at once, not at the embedded event store's
 * next poll. On PostgreSQL each instance's store reads new events when a commit of its own wakes its reader, and
 * otherwise every second ({@code fetchDelay}); the processing groups whose segments another instance runs, and the
 * requests waiting on them (read-your-writes), saw events stored here up to a second late. Now every unit of work
 * that stores events also sends {@value #TOPIC} ({@link ClusterSignals}: one {@code NOTIFY} after the commit,
 * duplicates within a send folded by PostgreSQL), and every other instance that hears it wakes its store's reader
 * (an empty publish: nothing is stored, and the store looks for new events as after a commit of its own).
 * A lost signal costs what it cost before: the next poll, at most a second later. Axon Server pushes events to
 * every instance itself: not used there.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class StoredEventsWakeUp implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String TOPIC = "events-stored";
    private static final String SENT = StoredEventsWakeUp.class.getName() + ".sent";

    /** This instance, so that it does not wake itself (its own commits already did). */
    private final String self = UUID.randomUUID().toString();
    private final ClusterSignals signals;

    public StoredEventsWakeUp(EventStore store, ClusterSignals signals) {
        this.signals = signals;
        store.registerDispatchInterceptor(this);
        signals.subscribe(TOPIC, from -> {
            if (!self.equals(from)) {
                store.publish(List.of());
            }
        });
    }

    /** Called as the store takes events in, inside the storing unit of work: the signal goes out at its commit. */
    @Override
    public @Nonnull BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
            @Nonnull List<? extends EventMessage<?>> messages) {
        // once per unit of work, however many events it stores (a plain putIfAbsent, not getOrComputeResource:
        // publishing adds a resource of its own to the same map)
        if (!messages.isEmpty() && (!CurrentUnitOfWork.isStarted()
                || CurrentUnitOfWork.get().root().resources().putIfAbsent(SENT, Boolean.TRUE) == null)) {
            signals.publish(TOPIC, self);
        }
        return (index, message) -> message;
    }
}
