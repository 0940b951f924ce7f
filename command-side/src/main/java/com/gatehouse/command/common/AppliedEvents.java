package com.gatehouse.command.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import javax.annotation.Nonnull;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Read-your-writes, the command half, in one place for every command: the events a command handler applies
 * are noted as the event bus takes them in (at the command's commit: aggregate id, sequence number, event type),
 * and the command's result carries them in its metadata ({@value #METADATA}), so the sender knows which
 * aggregate versions a read model must show before the change is visible there. The metadata value is filled at
 * the commit, before the result goes back; through Axon Server it travels as its text.
 */
@Component
public class AppliedEvents implements MessageHandlerInterceptor<CommandMessage<?>>,
        MessageDispatchInterceptor<EventMessage<?>> {

    /** Result metadata: one {@code <aggregateId> <sequenceNumber> <eventType>} line per event applied. */
    public static final String METADATA = "gatehouse.appliedEvents";
    private static final String RESOURCE = AppliedEvents.class.getName();

    /** One applied event. */
    public record Applied(String aggregateId, long sequenceNumber, String eventType) {
    }

    /** The lines of a command's applied events, filled as the event bus takes them in. */
    public static final class Lines {
        private final Set<String> lines = new LinkedHashSet<>();

        @JsonCreator
        static Lines of(String text) {
            Lines lines = new Lines();
            lines.lines.addAll(List.of(text.split("\n")));
            return lines;
        }

        synchronized void add(DomainEventMessage<?> event) {
            lines.add(event.getAggregateIdentifier() + " " + event.getSequenceNumber() + " "
                    + event.getPayloadType().getName());
        }

        @JsonValue
        @Override
        public synchronized String toString() {
            return String.join("\n", lines);
        }
    }

    public AppliedEvents(CommandBus commandBus, EventStore eventStore) {
        commandBus.registerHandlerInterceptor(this);
        eventStore.registerDispatchInterceptor(this);
    }

    /** Runs when the command's unit of work commits its events (the event bus intercepts them then). */
    @Override
    public @Nonnull BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
            @Nonnull List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()) {
                Lines lines = CurrentUnitOfWork.get().getResource(RESOURCE);
                if (lines != null) {
                    lines.add(event);
                }
            }
            return message;
        };
    }

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain chain) throws Exception {
        // Axon's Spring support may register this interceptor as well: then both share the unit of work's lines
        Lines lines = unitOfWork.getOrComputeResource(RESOURCE, key -> new Lines());
        Object result = chain.proceed();
        return GenericCommandResultMessage.asCommandResultMessage(result).andMetaData(Map.of(METADATA, lines));
    }

    /** The events a command applied, read from its result (none when it changed nothing). */
    public static List<Applied> of(CommandResultMessage<?> result) {
        Object value = result.getMetaData().get(METADATA);
        String text = value == null ? "" : value.toString();
        if (text.isEmpty()) {
            return List.of();
        }
        List<Applied> applied = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(" ", 3);
            applied.add(new Applied(parts[0], Long.parseLong(parts[1]), parts[2]));
        }
        return applied;
    }
}
