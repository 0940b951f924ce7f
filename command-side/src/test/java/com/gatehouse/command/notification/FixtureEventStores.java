package com.gatehouse.command.notification;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * The fixture's event store as the real one answers "is there anything for this id yet?": the fixture's
 * store throws {@link AggregateNotFoundException} where the JDBC store answers an empty sequence number.
 */
final class FixtureEventStores {

    private FixtureEventStores() {
    }

    static EventStore asStored(EventStore fixtureStore) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[]{EventStore.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(fixtureStore, args);
                    } catch (InvocationTargetException e) {
                        if (method.getName().equals("lastSequenceNumberFor")
                                && e.getCause() instanceof AggregateNotFoundException) {
                            return Optional.empty();
                        }
                        throw e.getCause();
                    }
                });
    }
}
