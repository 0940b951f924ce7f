package com.gatehouse.command.notification;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.NotificationCommand.MarkNotificationDelivered;
import com.gatehouse.api.notification.NotificationCommand.MarkNotificationRead;
import com.gatehouse.api.notification.NotificationCommand.MarkNotificationsRead;
import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationEvent.NotificationDelivered;
import com.gatehouse.api.notification.NotificationEvent.NotificationRead;
import com.gatehouse.api.notification.NotificationEvent.NotificationSent;
import com.gatehouse.api.notification.NotificationId;
import com.gatehouse.api.notification.NotificationType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final UserId RESIDENT = UserId.random();
    private static final UserId NEIGHBOUR = UserId.random();
    private static final SocietyId SOCIETY = SocietyId.random();
    private static final NotificationContent DELIVERY = new NotificationContent(NotificationType.DELIVERY_REQUEST,
            "Delivery at the gate", "Swiggy is at the gate", Map.of("providerTag", "SWIGGY"), "EntryRequest",
            UUID.randomUUID().toString());
    private static final NotificationId ID = NotificationId.of("event-1", RESIDENT);

    private AggregateTestFixture<Notification> fixture;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerInjectableResource(clock);
        fixture.registerAnnotatedCommandHandler(new NotificationSender(fixture.getRepository(),
                FixtureEventStores.asStored(fixture.getEventStore()), clock,
                org.mockito.Mockito.mock(com.gatehouse.command.push.PushOutbox.class)));
        fixture.registerAnnotatedCommandHandler(new NotificationInbox(fixture.getRepository(), clock));
    }

    private static NotificationSent sent() {
        return new NotificationSent(ID, RESIDENT, SOCIETY, DELIVERY, NOW.minusSeconds(60));
    }

    @Test
    void aNotificationIsSentToItsRecipient() {
        fixture.givenNoPriorActivity()
                .when(new SendNotification(ID, RESIDENT, SOCIETY, DELIVERY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NotificationSent(ID, RESIDENT, SOCIETY, DELIVERY, NOW));
    }

    @Test
    void theSameTriggerAndRecipientNeverNotifyTwice() {
        fixture.given(sent())
                .when(new SendNotification(ID, RESIDENT, SOCIETY, DELIVERY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theRecipientReadsIt() {
        fixture.given(sent())
                .when(new MarkNotificationRead(ID, RESIDENT))
                .expectEvents(new NotificationRead(ID, RESIDENT, SOCIETY, NOW));
    }

    @Test
    void readingItAgainChangesNothing() {
        fixture.given(sent(), new NotificationRead(ID, RESIDENT, SOCIETY, NOW.minusSeconds(5)))
                .when(new MarkNotificationRead(ID, RESIDENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void someoneElsesNotificationIsNotFound() {
        fixture.given(sent())
                .when(new MarkNotificationRead(ID, NEIGHBOUR))
                .expectNoEvents()
                .expectException(Problem.class)
                .expectExceptionMessage("Notification not found");
    }

    @Test
    void eachPhoneThatShowedItIsRecordedOnce() {
        UUID phone = UUID.randomUUID(), tablet = UUID.randomUUID();
        fixture.given(sent(), new NotificationDelivered(ID, RESIDENT, SOCIETY, phone, NOW.minusSeconds(5)))
                .when(new MarkNotificationDelivered(ID, RESIDENT, tablet))
                .expectEvents(new NotificationDelivered(ID, RESIDENT, SOCIETY, tablet, NOW));
        fixture.given(sent(), new NotificationDelivered(ID, RESIDENT, SOCIETY, phone, NOW.minusSeconds(5)))
                .when(new MarkNotificationDelivered(ID, RESIDENT, phone))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReceiptWithoutADeviceCountsAsOnePhoneOfTheRecipient() {
        fixture.given(sent())
                .when(new MarkNotificationDelivered(ID, RESIDENT, null))
                .expectEvents(new NotificationDelivered(ID, RESIDENT, SOCIETY, null, NOW));
        fixture.given(sent(), new NotificationDelivered(ID, RESIDENT, SOCIETY, null, NOW.minusSeconds(5)))
                .when(new MarkNotificationDelivered(ID, RESIDENT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReceiptForSomeoneElsesNotificationIsNotFound() {
        fixture.given(sent())
                .when(new MarkNotificationDelivered(ID, NEIGHBOUR, UUID.randomUUID()))
                .expectNoEvents()
                .expectException(Problem.class)
                .expectExceptionMessage("Notification not found");
    }

    @Test
    void readAllMarksTheUnreadOnesAndAnswersWhichChanged() {
        fixture.given(sent())
                .when(new MarkNotificationsRead(RESIDENT, List.of(ID)))
                .expectEvents(new NotificationRead(ID, RESIDENT, SOCIETY, NOW))
                .expectResultMessagePayload(List.of(ID));
    }

    @Test
    void readAllSkipsAnIdThatWasNeverSent() {
        fixture.givenNoPriorActivity()
                .when(new MarkNotificationsRead(RESIDENT, List.of(NotificationId.of("never-sent", RESIDENT))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(List.of());
    }

    @Test
    void readAllSkipsSomeoneElsesNotification() {
        fixture.given(sent())
                .when(new MarkNotificationsRead(NEIGHBOUR, List.of(ID)))
                .expectNoEvents()
                .expectResultMessagePayload(List.of());
    }

    @Test
    void readAllSkipsWhatIsReadAlready() {
        fixture.given(sent(), new NotificationRead(ID, RESIDENT, SOCIETY, NOW))
                .when(new MarkNotificationsRead(RESIDENT, List.of(ID)))
                .expectNoEvents()
                .expectResultMessagePayload(List.of());
    }

    @Test
    void theIdIsDerivedFromTriggerAndRecipient() {
        assertThat(NotificationId.of("event-1", RESIDENT)).isEqualTo(ID);
        assertThat(NotificationId.of("event-2", RESIDENT)).isNotEqualTo(ID);
        assertThat(NotificationId.of("event-1", NEIGHBOUR)).isNotEqualTo(ID);
    }
}
