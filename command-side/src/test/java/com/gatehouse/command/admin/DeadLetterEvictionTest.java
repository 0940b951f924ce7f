package com.gatehouse.command.admin;

import com.gatehouse.api.admin.DeadLetterCommand.EvictDeadLetter;
import com.gatehouse.api.admin.DeadLetterEvent.DeadLetterEvicted;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.SocietyEvent.SocietyCreated;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DeadLetterEvictionTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    final SocietyId society = SocietyId.random();
    final UserId operator = UserId.random();
    final SequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
    final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    AggregateTestFixture<DeadLetterEviction> fixture;
    EventMessage<?> parked;

    @BeforeEach
    void setUp() {
        when(processing.deadLetterQueue("directory")).thenReturn(Optional.of(queue));
        when(processing.deadLetterQueue("nope")).thenReturn(Optional.empty());
        fixture = new AggregateTestFixture<>(DeadLetterEviction.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(processing);
        parked = new GenericDomainEventMessage<>("Society", society.toString(), 0,
                new SocietyCreated(society, "Palm Grove", "Pune", NOW, "Asia/Kolkata"));
        queue.enqueue(society.toString(), new JdbcDeadLetter<>("letter-1", 0, society.toString(), NOW, NOW,
                new ThrowableCause("java.lang.IllegalStateException", "row refused"), MetaData.emptyInstance(), parked));
    }

    @Test
    void anEvictionRemovesTheParkedEventAndRecordsWhoWhyAndWhichEvent() {
        fixture.givenNoPriorActivity()
                .when(new EvictDeadLetter("letter-1", "directory", "  broken import ", operator))
                .expectEvents(new DeadLetterEvicted("letter-1", "directory", parked.getIdentifier(), "SocietyCreated",
                        society.toString(), society.value(), "row refused", "broken import", operator, NOW));
        assertThat(queue.size()).isZero();
    }

    @Test
    void anEvictionNeedsAReason() {
        fixture.givenNoPriorActivity()
                .when(new EvictDeadLetter("letter-1", "directory", " ", operator))
                .expectException(Problem.class)
                .expectExceptionMessage("reason: must be 1 to 1000 characters: why this event is given up")
                .expectNoEvents();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void anUnknownLetterOrGroupIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new EvictDeadLetter("letter-2", "directory", "gone", operator))
                .expectException(Problem.class).expectExceptionMessage("Dead letter not found");
        fixture.givenNoPriorActivity()
                .when(new EvictDeadLetter("letter-1", "nope", "gone", operator))
                .expectException(Problem.class).expectExceptionMessage("Projection not found");
    }
}
