package com.gatehouse.server.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationEvent.NotificationSent;
import com.gatehouse.api.notification.NotificationId;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.command.notice.NoticeNotifier;
import com.gatehouse.command.notification.Notifications;
import com.gatehouse.projection.notification.NotificationProjection;
import com.gatehouse.projection.notification.NotificationRetention;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification read model over time: retention removes old rows, a replay rebuilds it and notifies nobody. */
class NotificationHistoryTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private Notifications notifications;

    @Autowired
    private NotificationRetention retention;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private CommandBus commandBus;

    private String sendTo(Api.User user, String title) {
        String trigger = UUID.randomUUID().toString();
        notifications.toUser(trigger, new UserId(user.id()), new SocietyId(user.societyId()),
                new NotificationContent(NotificationType.SYSTEM, title, title, Map.of(), null, null));
        return NotificationId.of(trigger, new UserId(user.id())).toString();
    }

    private List<String> listed(Api.User user) {
        List<String> ids = new ArrayList<>();
        api().notifications(user).get("notifications").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private void awaitListed(Api.User user, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (listed(user).size() < count && System.nanoTime() < deadline) {
            Frames.sleep(20);
        }
        assertThat(listed(user)).hasSize(count);
    }

    @Autowired
    private TransactionManager axonTransactions;

    @Autowired
    private EventStore eventStore;

    /**
     * A processor's batch sends its notifications in one unit of work: one sent twice there (same trigger, same
     * recipient) is stored once and the batch commits; sent again later, it is not stored again.
     */
    @Test
    void aNotificationSentTwiceInOneBatchIsStoredOnce() {
        assertThat(eventStore).as("NotificationSender checks the stored events under it")
                .isInstanceOf(EmbeddedEventStore.class);
        var society = api().newSociety();
        String trigger = UUID.randomUUID().toString();
        var content = new NotificationContent(NotificationType.SYSTEM, "Twice", "Twice", Map.of(), null, null);
        var batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(axonTransactions);
        batch.execute(() -> {
            notifications.toUser(trigger, new UserId(society.residentA1().id()), new SocietyId(society.id()), content);
            notifications.toUser(trigger, new UserId(society.residentA1().id()), new SocietyId(society.id()), content);
        });
        notifications.toUser(trigger, new UserId(society.residentA1().id()), new SocietyId(society.id()), content);

        String id = NotificationId.of(trigger, new UserId(society.residentA1().id())).toString();
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
        awaitListed(society.residentA1(), 1);
    }

    @Test
    void retentionRemovesOnlyNotificationsPastItAndKeepsTheirEvents() {
        var society = api().newSociety();
        var resident = society.residentA1();
        String old = sendTo(resident, "a month ago");
        String older = sendTo(resident, "two months ago");
        String recent = sendTo(resident, "four weeks ago");
        String neighbours = sendTo(society.residentA2(), "today");
        awaitListed(resident, 3);
        awaitListed(society.residentA2(), 1);
        age(old, "31 days");
        age(older, "61 days");
        age(recent, "29 days");

        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

        assertThat(listed(resident)).containsExactly(recent);
        assertThat(api().unreadNotifications(resident)).isEqualTo(1);
        assertThat(listed(society.residentA2())).containsExactly(neighbours);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in (?, ?)",
                Long.class, old, older)).as("the events stay").isEqualTo(2);
        api().patch(resident, "/resident/notifications/{id}/read", Map.of(), old).exchange()
                .expectStatus().isNotFound();
        assertThat(retention.purge()).as("nothing left to remove").isZero();
    }

    /** Makes a row look as if its notification was sent that long ago. */
    private void age(String notificationId, String interval) {
        assertThat(jdbc.update("update notification set created_at = now() - cast(? as interval) where id = ?",
                interval, UUID.fromString(notificationId))).isEqualTo(1);
    }

    @Test
    void aFullReplayRebuildsTheReadModelAndNotifiesNobodyAgain() {
        var society = api().newSociety();
        var members = List.of(society.admin(), society.guard(), society.residentA1(), society.residentA2(),
                society.residentB(), society.auditor());
        api().post(society.admin(), "/admin/societies/{id}/announcements",
                Map.of("title", "Lift maintenance", "message", "Block A, Sunday"), society.id())
                .exchange().expectStatus().isCreated();
        members.forEach(member -> awaitListed(member, 1));
        String read = listed(society.residentA1()).get(0);
        api().patch(society.residentA1(), "/resident/notifications/{id}/read", Map.of(), read).exchange()
                .expectStatus().isOk();
        Map<UUID, JsonNode> before = new LinkedHashMap<>();
        members.forEach(member -> before.put(member.id(), api().notifications(member)));
        long sentBefore = sentEvents(society.id());
        long seqBefore = changeSeq(read);

        List<Object> sendCommands = new CopyOnWriteArrayList<>();
        Registration spy = commandBus.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof SendNotification send
                    && send.societyId().value().equals(society.id())) {
                sendCommands.add(send);
            }
            return message;
        });
        try (Frames connected = new Frames(live().notifications(Live.Transport.TCP, society.residentB()))) {
            connected.await(f -> true, WAIT);
            // the notifying policy loses its progress and goes over the whole history again...
            restartFromTheBeginning(NoticeNotifier.GROUP);
            // ...and the read model is dropped and rebuilt from the events
            var readModel = processor(NotificationProjection.GROUP);
            readModel.shutDown();
            readModel.resetTokens();
            readModel.start();
            awaitReplayed(NoticeNotifier.GROUP);
            awaitReplayed(NotificationProjection.GROUP);

            assertThat(changeSeq(read)).as("the row was written again").isGreaterThan(seqBefore);
            members.forEach(member -> assertThat(api().notifications(member)).isEqualTo(before.get(member.id())));
            assertThat(sendCommands).as("notifications sent during the replay").isEmpty();
            assertThat(sentEvents(society.id())).isEqualTo(sentBefore);
            // an app connected through it was sent nothing again, and still gets what comes next
            String after = sendTo(society.residentB(), "after the replay");
            connected.awaitSent(after, WAIT);
            assertThat(connected.all()).hasSize(2);
        } finally {
            spy.cancel();
        }
    }

    private long changeSeq(String notificationId) {
        return jdbc.queryForObject("select change_seq from notification where id = ?", Long.class,
                UUID.fromString(notificationId));
    }

    private long sentEvents(UUID society) {
        return jdbc.queryForObject("""
                        select count(*) from domain_event_entry
                        where payload_type = ? and convert_from(payload, 'UTF8') like ?""", Long.class,
                NotificationSent.class.getName(), "%\"societyId\":\"" + society + "\"%");
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    /** As on a fresh deployment or after its progress was wiped: the processor starts from the first event. */
    private void restartFromTheBeginning(String name) {
        var processor = processor(name);
        processor.shutDown();
        assertThat(jdbc.update("delete from token_entry where processor_name = ?", name)).isPositive();
        processor.start();
    }

    private void awaitReplayed(String name) {
        var processor = processor(name);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var status = processor.processingStatus();
            // replaying ends at the position the reset remembered (its token stays a replay token until a newer event)
            if (!status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp() && (!s.isReplaying()
                    || s.getCurrentPosition().orElse(-1) >= s.getResetPosition().orElse(Long.MAX_VALUE)))) {
                return;
            }
            Frames.sleep(20);
        }
        throw new AssertionError(name + " did not finish replaying: " + processor.processingStatus());
    }
}
