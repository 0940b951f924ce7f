package com.gatehouse.command.common;

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
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Read-your-writes, the command half, in one place for every command: the events a command handler applies
 * are noted as they are published (aggregate id, sequence number, event type), and the command's result
 * carries them in its metadata ({@value #METADATA}), so the sender knows which aggregate versions a read model
 * must show before the change is visible there. Works for commands routed through Axon Server too (the
 * metadata is a string).
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

    public AppliedEvents(CommandBus commandBus, EventStore eventStore) {
        commandBus.registerHandlerInterceptor(this);
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public @Nonnull BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
            @Nonnull List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().<List<String>>getOrComputeResource(RESOURCE, key -> new ArrayList<>())
                        .add(event.getAggregateIdentifier() + " " + event.getSequenceNumber() + " "
                                + event.getPayloadType().getName());
            }
            return message;
        };
    }

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        List<String> applied = unitOfWork.getResource(RESOURCE);
        if (applied == null || applied.isEmpty()) {
            return result;
        }
        return GenericCommandResultMessage.asCommandResultMessage(result)
                .andMetaData(Map.of(METADATA, String.join("\n", applied)));
    }

    /** The events a command applied, read from its result (none when it changed nothing). */
    public static List<Applied> of(CommandResultMessage<?> result) {
        Object lines = result.getMetaData().get(METADATA);
        if (!(lines instanceof String text) || text.isEmpty()) {
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
