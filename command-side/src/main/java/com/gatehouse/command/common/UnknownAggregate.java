package com.gatehouse.command.common;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** Whether a command failed because its target does not exist (or is an aggregate of another kind): a 404. */
public final class UnknownAggregate {

    private UnknownAggregate() {
    }

    public static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException || t instanceof IncompatibleAggregateException) {
                return true;
            }
        }
        return false;
    }
}
