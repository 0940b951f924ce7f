package com.gatehouse.server.privacy;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import com.gatehouse.command.privacy.SubjectKeys;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure race's wide window (README, personal data): the event store shares each recent event between every
 * processing group, and a payload opened by one group stays opened for the others. A visitor's raise, opened while
 * their key existed (as the first group to handle it does), still shows their name after the erasure; handled
 * through {@link OpenAtHandling} (as every group now is) it is opened again from the stored form and reads null,
 * without sealing anything anew (no new key for the erased visitor) and keeping what the processor needs.
 */
class OpenAtHandlingTest extends IntegrationTest {

    @Autowired
    EventStore events;

    @Autowired
    PersonalDataSerializer serializer;

    @Autowired
    SubjectKeys keys;

    @Test
    void anEventOpenedBeforeTheErasureIsOpenedAgainWhenAGroupHandlesItAfter() throws Exception {
        var society = api().newSociety();
        String name = "Race Visitor " + UUID.randomUUID();
        var from = events.createHeadToken();
        UUID request = raiseVisitor(society, name);

        TrackedEventMessage<?> raised = raiseOf(request, from);
        assertThat(((EntryRequestRaised) raised.getPayload()).visitorName()).isEqualTo(name); // opened once, shared

        erase(society, request);
        assertThat(keys.hasKey(DataSubject.visitor(request))).isFalse();
        assertThat(((EntryRequestRaised) raised.getPayload()).visitorName())
                .as("the shared copy stays opened: the race's window").isEqualTo(name);

        var unitOfWork = DefaultUnitOfWork.startAndGet(raised);
        try {
            Object handled = new OpenAtHandling(serializer).handle(unitOfWork,
                    () -> ((EventMessage<?>) unitOfWork.getMessage()).getPayload());
            assertThat(((EntryRequestRaised) handled).visitorName()).as("opened at handling: erased").isNull();
            assertThat(((EntryRequestRaised) handled).requestId().value()).isEqualTo(request);
            var message = (DomainEventMessage<?>) unitOfWork.getMessage();
            assertThat(((TrackedEventMessage<?>) message).trackingToken()).isEqualTo(raised.trackingToken());
            assertThat(message.getAggregateIdentifier()).isEqualTo(request.toString());
            assertThat(message.getSequenceNumber()).isEqualTo(((DomainEventMessage<?>) raised).getSequenceNumber());
            assertThat(message.getIdentifier()).isEqualTo(raised.getIdentifier());
            assertThat(message.serializePayload(serializer, String.class).getData())
                    .as("the stored form is kept, sealed").contains("$pd").doesNotContain(name);
        } finally {
            unitOfWork.commit();
        }
        assertThat(keys.hasKey(DataSubject.visitor(request))).as("nothing sealed anew").isFalse();
    }

    @Test
    void groupsShareTheOpenedPayloadUntilAnErasureCommits() throws Exception {
        var society = api().newSociety();
        String name = "Shared Visitor " + UUID.randomUUID();
        var from = events.createHeadToken();
        UUID request = raiseVisitor(society, name);
        TrackedEventMessage<?> raised = raiseOf(request, from);
        var openAtHandling = new OpenAtHandling(serializer);

        EntryRequestRaised first = (EntryRequestRaised) handled(openAtHandling, raised);
        EntryRequestRaised second = (EntryRequestRaised) handled(openAtHandling, raised);
        assertThat(first.visitorName()).isEqualTo(name);
        assertThat(second).as("opened once, handed to the next group").isSameAs(first);

        erase(society, request);

        EntryRequestRaised after = (EntryRequestRaised) handled(openAtHandling, raised);
        assertThat(after.visitorName()).as("the erasure drops what was opened before it").isNull();
        assertThat(after.requestId().value()).isEqualTo(request);
    }

    private UUID raiseVisitor(Api.Society society, String name) {
        return UUID.fromString(api().create(society.guard(), "/gate/requests", Map.of("type", "VISITOR",
                "flatId", society.flatA().toString(), "visitorName", name)).get("id").asText());
    }

    private void erase(Api.Society society, UUID request) {
        api().post(society.admin(), "/admin/privacy/erasures",
                Map.of("kind", "VISITOR", "id", request.toString(), "reason", "asked")).exchange().expectStatus().isOk();
    }

    /** The payload a group's handler gets for the event, through the given interceptor. */
    private static Object handled(OpenAtHandling openAtHandling, TrackedEventMessage<?> event) throws Exception {
        var unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            return openAtHandling.handle(unitOfWork, () -> ((EventMessage<?>) unitOfWork.getMessage()).getPayload());
        } finally {
            unitOfWork.commit();
        }
    }

    /** The raise as a processing group gets it from the event store's shared stream. */
    private TrackedEventMessage<?> raiseOf(UUID request, org.axonframework.eventhandling.TrackingToken from)
            throws InterruptedException {
        try (var stream = events.openStream(from)) {
            while (stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> next = stream.nextAvailable();
                if (next instanceof DomainEventMessage<?> domain
                        && domain.getAggregateIdentifier().equals(request.toString())
                        && EntryRequestRaised.class.equals(next.getPayloadType())) {
                    return next;
                }
            }
        }
        throw new AssertionError("the raise of " + request + " was not in the event stream");
    }
}
