package com.gatehouse.command.admin;

import com.gatehouse.api.admin.DeadLetterCommand.EvictDeadLetter;
import com.gatehouse.api.admin.DeadLetterEvent.DeadLetterEvicted;
import com.gatehouse.api.common.EventSociety;
import com.gatehouse.api.common.Problem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The platform operator's decision to give up on one parked event: the event leaves its group's dead-letter
 * queue for good and {@link DeadLetterEvicted} records who did it, why, and which event it was. Both happen in
 * the command's transaction (the queue is a table of the same database), so there is never an eviction
 * without its record, nor a record of an eviction that did not happen. An aggregate of its own, identified by
 * the dead letter's id, so the record is an ordinary event of the store and shows in the audit trail, and the
 * same letter cannot be evicted twice.
 */
@Aggregate
public class DeadLetterEviction {

    public static final int MAX_REASON = 1000;

    @AggregateIdentifier
    private String deadLetterId;

    protected DeadLetterEviction() {
    }

    @CommandHandler
    DeadLetterEviction(EvictDeadLetter cmd, EventProcessingConfiguration processing, Clock clock) {
        String reason = cmd.reason() == null ? "" : cmd.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw Problem.invalid("reason", "must be 1 to " + MAX_REASON + " characters: why this event is given up");
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(cmd.processingGroup())
                .orElseThrow(() -> Problem.notFound("Projection"));
        DeadLetter<? extends EventMessage<?>> letter = find(queue, cmd.deadLetterId());
        EventMessage<?> event = letter.message();
        queue.evict(letter);
        apply(new DeadLetterEvicted(cmd.deadLetterId(), cmd.processingGroup(), event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                EventSociety.of(event.getPayload(), event.getMetaData()),
                letter.cause().map(Cause::message).orElse(null), reason, cmd.by(), clock.instant()));
    }

    private static DeadLetter<? extends EventMessage<?>> find(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                              String id) {
        for (var sequence : queue.deadLetters()) {
            for (var letter : sequence) {
                if (letter instanceof JdbcDeadLetter<?> jdbc && jdbc.getIdentifier().equals(id)) {
                    return letter;
                }
            }
        }
        throw Problem.notFound("Dead letter");
    }

    @EventSourcingHandler
    void on(DeadLetterEvicted event) {
        deadLetterId = event.deadLetterId();
    }
}
