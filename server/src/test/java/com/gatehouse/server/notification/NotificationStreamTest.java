package com.gatehouse.server.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationId;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.command.notification.Notifications;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.projection.notification.NotificationProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.BaseSubscriber;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** notifications.stream over both transports, against the real server: live delivery, resume, read state. */
class NotificationStreamTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private Notifications notifications;

    @Autowired
    private LiveFeeds live;

    private static Api.Society elsewhere;
    private static int flats;

    private Api.Society elsewhere() {
        if (elsewhere == null) {
            elsewhere = api().newSociety();
        }
        return elsewhere;
    }

    /** A new flat of the shared society with its own residents. */
    private record Household(UUID flat, Api.User first, Api.User second) {
    }

    private Household household(int residents) {
        var society = sharedSociety();
        UUID flat = UUID.fromString(api().create(society.admin(), "/admin/societies/{id}/flats",
                Map.of("block", "N", "number", Integer.toString(++flats)), society.id()).get("id").asText());
        Api.User first = api().newUser(society.admin(), society.id(), "RESIDENT", flat);
        Api.User second = residents > 1 ? api().newUser(society.admin(), society.id(), "RESIDENT", flat) : null;
        return new Household(flat, first, second);
    }

    private Api.User resident() {
        return household(1).first();
    }

    private static NotificationContent delivery(String title) {
        return new NotificationContent(NotificationType.DELIVERY_REQUEST, title, title + " is at the gate",
                Map.of("providerTag", "SWIGGY"), "EntryRequest", UUID.randomUUID().toString());
    }

    /** Sends one notification to one user, as a policy would; answers its id. */
    private String sendTo(Api.User user, String title) {
        String trigger = UUID.randomUUID().toString();
        notifications.toUser(trigger, new UserId(user.id()), new SocietyId(user.societyId()), delivery(title));
        return NotificationId.of(trigger, new UserId(user.id())).toString();
    }

    /** Sends to every resident of a flat; answers the trigger (each resident's id: {@link #idFor}). */
    private String sendToFlat(UUID society, UUID flat, String title) {
        String trigger = UUID.randomUUID().toString();
        notifications.toResidentsOfFlat(trigger, new SocietyId(society), new FlatId(flat), delivery(title));
        return trigger;
    }

    private static String idFor(String trigger, Api.User user) {
        return NotificationId.of(trigger, new UserId(user.id())).toString();
    }

    /** Opens the user's stream and waits until it is live: a primer sent first arrives in its stored part. */
    private Frames liveStream(Live.Transport transport, Api.User user) {
        String primer = sendTo(user, "primer");
        Frames frames = new Frames(live().notifications(transport, user));
        frames.awaitSent(primer, WAIT);
        return frames;
    }

    @ParameterizedTest
    @EnumSource(Live.Transport.class)
    void residentReceivesANotificationSentToTheirFlatWithinASecondAndNoOtherFlats(Live.Transport transport) {
        var flatA = household(1);
        var flatB = household(1);
        var other = elsewhere();
        try (Frames inFlatA = liveStream(transport, flatA.first());
             Frames inFlatB = liveStream(transport, flatB.first());
             Frames otherSociety = liveStream(transport, other.residentA1())) {

            long sentAt = System.nanoTime();
            String trigger = sendToFlat(sharedSociety().id(), flatA.flat(), "Swiggy order");
            var frame = inFlatA.awaitSent(idFor(trigger, flatA.first()), WAIT);

            assertThat(Duration.ofNanos(frame.arrivedAt() - sentAt)).isLessThan(Duration.ofSeconds(1));
            assertThat(frame.notification().get("type").asText()).isEqualTo("DELIVERY_REQUEST");
            assertThat(frame.notification().get("userId").asText()).isEqualTo(flatA.first().id().toString());
            assertThat(frame.notification().get("societyId").asText()).isEqualTo(sharedSociety().id().toString());
            assertThat(frame.notification().get("referenceType").asText()).isEqualTo("EntryRequest");
            assertThat(frame.notification().get("data").get("providerTag").asText()).isEqualTo("SWIGGY");
            assertThat(frame.notification().get("readAt").isNull()).isTrue();

            // to the same flat number in another society: nothing for flat A, nothing for flat B
            String otherTrigger = sendToFlat(other.id(), other.flatA(), "Other society");
            otherSociety.awaitSent(idFor(otherTrigger, other.residentA1()), WAIT);
            inFlatB.expectNothingMoreFor(Duration.ofMillis(300));
            assertThat(inFlatB.all()).extracting(f -> f.notification().get("title").asText()).containsExactly("primer");
            assertThat(inFlatA.all()).extracting(f -> f.notification().get("title").asText())
                    .containsExactly("primer", "Swiggy order");
        }
    }

    @ParameterizedTest
    @EnumSource(Live.Transport.class)
    void twoResidentsOfAFlatBothSeeItAndOneReadingItShowsOnTheOther(Live.Transport transport) {
        var home = household(2);
        try (Frames first = liveStream(transport, home.first());
             Frames second = liveStream(transport, home.second())) {
            String trigger = sendToFlat(sharedSociety().id(), home.flat(), "Amazon parcel");
            String forFirst = idFor(trigger, home.first());
            String forSecond = idFor(trigger, home.second());
            first.awaitSent(forFirst, WAIT);
            second.awaitSent(forSecond, WAIT);

            // the first resident reads it on their phone; their other device (a second stream) shows it
            try (Frames firstOnTablet = new Frames(live().notifications(transport, home.first()))) {
                firstOnTablet.awaitSent(forFirst, WAIT);
                var read = api().patch(home.first(), "/resident/notifications/{id}/read", Map.of(), forFirst)
                        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
                assertThat(read.get("isRead").asBoolean()).isTrue();
                assertThat(read.get("readAt").isNull()).isFalse();
                assertThat(firstOnTablet.awaitRead(forFirst, WAIT).notification().get("readAt").asText())
                        .isEqualTo(read.get("readAt").asText());
                first.awaitRead(forFirst, WAIT);
            }
            // the second resident reads theirs: the first resident's stream is not told
            api().patch(home.second(), "/resident/notifications/{id}/read", Map.of(), forSecond)
                    .exchange().expectStatus().isOk();
            second.awaitRead(forSecond, WAIT);
            first.expectNothingMoreFor(Duration.ofMillis(200));
            assertThat(first.of(forSecond)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Live.Transport.class)
    void sinceResumesAcrossAReconnectWithEachMissedNotificationExactlyOnce(Live.Transport transport) {
        var resident = resident();
        String last;
        try (Frames before = liveStream(transport, resident)) {
            last = sendTo(resident, "seen before going offline");
            before.awaitSent(last, WAIT);
        }
        // offline: two new ones, and the one it saw is read on another device
        String missed1 = sendTo(resident, "missed 1");
        String missed2 = sendTo(resident, "missed 2");
        api().patch(resident, "/resident/notifications/{id}/read", Map.of(), last).exchange().expectStatus().isOk();

        // back online with since; more arrive while the stream opens (the seam) and after it
        List<String> duringReconnect = new CopyOnWriteArrayList<>();
        try (Frames after = new Frames(live().notifications(transport, resident, last))) {
            for (int i = 0; i < 20; i++) {
                duringReconnect.add(sendTo(resident, "around the seam " + i));
            }
            for (String id : duringReconnect) {
                after.awaitSent(id, WAIT);
            }
            after.awaitSent(missed1, WAIT);
            after.awaitSent(missed2, WAIT);
            after.awaitRead(last, WAIT);
            after.expectNothingMoreFor(Duration.ofMillis(300));

            // in the order things happened: the two missed ones, the read on the other device, then the new ones
            List<String> expected = new ArrayList<>(List.of(missed1, missed2, last));
            expected.addAll(duringReconnect);
            assertThat(after.all()).extracting(Frames.Frame::id).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void sinceATimeSendsWhatWasSentOrReadAfterIt() {
        var resident = resident();
        String old = sendTo(resident, "old");
        awaitStored(resident, old);
        Frames.sleep(50);
        Instant cut = Instant.now();
        Frames.sleep(50);
        String fresh = sendTo(resident, "fresh");
        try (Frames frames = new Frames(live().notifications(Live.Transport.TCP, resident, cut.toString()))) {
            frames.awaitSent(fresh, WAIT);
            frames.expectNothingMoreFor(Duration.ofMillis(200));
            assertThat(frames.of(old)).isEmpty();
        }
    }

    @Test
    void anUnknownSinceIdFallsBackToTheUnreadOnesAndAMalformedOneIsRefused() {
        var resident = resident();
        String unread = sendTo(resident, "still unread");
        try (Frames frames = new Frames(live().notifications(Live.Transport.WEBSOCKET, resident,
                UUID.randomUUID().toString()))) {
            frames.awaitSent(unread, WAIT);
        }
        try (Frames refused = new Frames(live().notifications(Live.Transport.WEBSOCKET, resident, "yesterday"))) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (refused.error() == null && System.nanoTime() < deadline) {
                Frames.sleep(10);
            }
            assertThat(refused.error()).hasMessageContaining("since");
            assertThat(refused.all()).isEmpty();
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndCatchesUpWithSince() {
        var resident = resident();
        String primer = sendTo(resident, "primer");
        var requester = live().connect(Live.Transport.TCP, resident);
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> dropped = new AtomicReference<>();
        requester.route("notifications.stream").data(Map.of()).retrieveFlux(JsonNode.class)
                .subscribe(new BaseSubscriber<>() {
                    @Override
                    protected void hookOnSubscribe(Subscription subscription) {
                        subscription.request(1); // reads one frame, then never asks for more
                    }

                    @Override
                    protected void hookOnNext(JsonNode value) {
                        received.add(value);
                    }

                    @Override
                    protected void hookOnError(Throwable error) {
                        dropped.set(error);
                    }
                });
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3000 && dropped.get() == null; i++) {
            sent.add(sendTo(resident, "flood " + i));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (dropped.get() == null && System.nanoTime() < deadline) {
            Frames.sleep(10);
        }
        assertThat(dropped.get()).as("the slow client is dropped").isNotNull();
        assertThat(sent.size()).as("notifications it took to overflow").isLessThan(1000);
        assertThat(received).extracting(n -> n.get("id").asText()).containsExactly(primer);
        // its subscription is gone: nothing is held for it any more
        deadline = System.nanoTime() + WAIT.toNanos();
        while (watching(resident) && System.nanoTime() < deadline) {
            Frames.sleep(10);
        }
        assertThat(watching(resident)).isFalse();
        requester.dispose();

        try (Frames caughtUp = new Frames(live().notifications(Live.Transport.TCP, resident, primer))) {
            caughtUp.awaitSent(sent.get(sent.size() - 1), WAIT);
            caughtUp.expectNothingMoreFor(Duration.ofMillis(200));
            assertThat(caughtUp.all()).extracting(Frames.Frame::id).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void aVanishedClientLeavesNothingBehind() {
        var guard = api().newUser(sharedSociety().admin(), sharedSociety().id(), "GUARD", null);
        Frames frames = liveStream(Live.Transport.WEBSOCKET, guard);
        assertThat(watching(guard)).isTrue();
        frames.close();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (watching(guard) && System.nanoTime() < deadline) {
            Frames.sleep(10);
        }
        assertThat(watching(guard)).isFalse();
    }

    private boolean watching(Api.User user) {
        return live.following(NotificationProjection.CHANGES, LiveFeed.user(user.id())) > 0;
    }

    @Test
    void readReadAllAndTheUnreadCountAgreeWithTheStream() {
        var resident = resident();
        try (Frames frames = liveStream(Live.Transport.WEBSOCKET, resident)) {
            String primer = frames.all().get(0).id();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(sendTo(resident, "parcel " + i));
            }
            ids.forEach(id -> frames.awaitSent(id, WAIT));
            assertThat(api().unreadNotifications(resident)).isEqualTo(4);

            var list = api().read(resident, "/resident/notifications?page=1&limit=2");
            assertThat(list.fieldNames()).toIterable().containsExactly("notifications", "pagination");
            assertThat(list.get("pagination").get("page").asInt()).isEqualTo(1);
            assertThat(list.get("pagination").get("limit").asInt()).isEqualTo(2);
            assertThat(list.get("pagination").get("total").asLong()).isEqualTo(4);
            assertThat(list.get("pagination").get("totalPages").asLong()).isEqualTo(2);
            assertThat(list.get("notifications")).extracting(n -> n.get("id").asText())
                    .containsExactly(ids.get(2), ids.get(1));
            assertThat(list.get("notifications").get(0).fieldNames()).toIterable().containsExactlyInAnyOrder(
                    "id", "type", "title", "message", "data", "userId", "societyId", "referenceId", "referenceType",
                    "isRead", "readAt", "createdAt");

            api().patch(resident, "/resident/notifications/{id}/read", Map.of(), ids.get(0)).exchange()
                    .expectStatus().isOk();
            frames.awaitRead(ids.get(0), WAIT);
            assertThat(api().unreadNotifications(resident)).isEqualTo(3);
            assertThat(api().read(resident, "/resident/notifications?unreadOnly=true").get("notifications"))
                    .extracting(n -> n.get("id").asText()).containsExactly(ids.get(2), ids.get(1), primer);

            // reading it again changes nothing; read-all counts only what changed
            api().patch(resident, "/resident/notifications/{id}/read", Map.of(), ids.get(0)).exchange()
                    .expectStatus().isOk();
            var readAll = api().patch(resident, "/resident/notifications/read-all", Map.of()).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(readAll.get("updated").asInt()).isEqualTo(3);
            assertThat(readAll.get("count").asInt()).as("the seed apps' name for it").isEqualTo(3);
            assertThat(api().unreadNotifications(resident)).isZero();
            for (String id : List.of(primer, ids.get(1), ids.get(2))) {
                frames.awaitRead(id, WAIT);
            }
            assertThat(api().patch(resident, "/resident/notifications/read-all", Map.of()).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("updated").asInt()).isZero();
            frames.expectNothingMoreFor(Duration.ofMillis(200));
            Map<String, Integer> framesPerId = new HashMap<>();
            frames.all().forEach(f -> framesPerId.merge(f.id(), 1, Integer::sum));
            assertThat(framesPerId.values()).as("each notification: sent once, read once").containsOnly(2);
        }
    }

    @Test
    void onlyOwnNotificationsCanBeReadOrMarked() {
        var home = household(2);
        var me = home.first();
        String mine = sendTo(me, "mine");
        awaitStored(me, mine);
        // the flatmate, another flat, the admin: as if it did not exist
        for (Api.User other : List.of(home.second(), sharedSociety().residentB(), sharedSociety().admin())) {
            api().patch(other, "/resident/notifications/{id}/read", Map.of(), mine).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.status").isEqualTo(404);
            assertThat(api().notifications(other).get("notifications")).extracting(n -> n.get("id").asText())
                    .doesNotContain(mine);
        }
        api().patch(me, "/resident/notifications/{id}/read", Map.of(), UUID.randomUUID())
                .exchange().expectStatus().isNotFound();
        api().patch(me, "/resident/notifications/{id}/read", Map.of(), "not-a-uuid")
                .exchange().expectStatus().isBadRequest();
        api().get(me, "/resident/notifications?limit=101").exchange().expectStatus().isBadRequest();
        assertThat(api().unreadNotifications(me)).isEqualTo(1);
    }

    @Test
    void guardsAndAdminsHaveNotificationsToo() {
        var society = sharedSociety();
        var resident = resident();
        String trigger = UUID.randomUUID().toString();
        notifications.toGuardsAndAdmins(trigger, new SocietyId(society.id()), delivery("Emergency at gate 2"));
        for (Api.User user : List.of(society.guard(), society.admin())) {
            awaitStored(user, idFor(trigger, user));
            var listed = api().notifications(user, "DELIVERY_REQUEST");
            assertThat(listed).extracting(n -> n.get("id").asText()).containsExactly(idFor(trigger, user));
            api().patch(user, "/resident/notifications/{id}/read", Map.of(), idFor(trigger, user)).exchange()
                    .expectStatus().isOk();
            assertThat(api().unreadNotifications(user)).isZero();
        }
        assertThat(api().notifications(resident).get("pagination").get("total").asLong()).isZero();
    }

    @Test
    void anAdminAnnouncesToEveryMemberOfTheSociety() {
        var society = api().newSociety();
        var elsewhere = elsewhere();
        try (Frames guard = liveStream(Live.Transport.TCP, society.guard())) {
            var made = api().post(society.admin(), "/admin/societies/{id}/announcements",
                            Map.of("title", "Water off", "message", "Tomorrow 10:00-12:00"), society.id())
                    .header("Idempotency-Key", "water-1").exchange().expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            String announcement = made.get("id").asText();
            assertThat(made.get("createdById").asText()).isEqualTo(society.admin().id().toString());

            var frame = guard.await(f -> f.notification().get("type").asText().equals("SYSTEM"), WAIT);
            assertThat(frame.notification().get("title").asText()).isEqualTo("Water off");
            // an announcement is a notice published now
            assertThat(frame.notification().get("referenceType").asText()).isEqualTo("Notice");
            assertThat(frame.notification().get("referenceId").asText()).isEqualTo(announcement);
            assertThat(frame.notification().get("data").get("noticeId").asText()).isEqualTo(announcement);

            for (Api.User member : List.of(society.admin(), society.residentA1(), society.residentA2(),
                    society.residentB(), society.auditor())) {
                awaitListed(member, "SYSTEM", 1);
            }
            // the same request again: the first answer, nobody notified twice
            var again = api().post(society.admin(), "/admin/societies/{id}/announcements",
                            Map.of("title", "Water off", "message", "Tomorrow 10:00-12:00"), society.id())
                    .header("Idempotency-Key", "water-1").exchange().expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(again.get("id").asText()).isEqualTo(announcement);
            guard.expectNothingMoreFor(Duration.ofMillis(500));
            assertThat(api().notifications(society.residentB(), "SYSTEM")).hasSize(1);
            assertThat(api().notifications(elsewhere.residentA1(), "SYSTEM")).isEmpty();
        }
        api().post(society.residentA1(), "/admin/societies/{id}/announcements", Map.of("title", "x", "message", "y"),
                society.id()).exchange().expectStatus().isForbidden();
        api().post(elsewhere.admin(), "/admin/societies/{id}/announcements", Map.of("title", "x", "message", "y"),
                society.id()).exchange().expectStatus().isNotFound();
        api().post(society.admin(), "/admin/societies/{id}/announcements", Map.of("title", " ", "message", "y"),
                society.id()).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.title").exists();
    }

    /** Waits until the notification shows in the user's list (the read model has it). */
    private void awaitStored(Api.User user, String notificationId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode n : api().notifications(user).get("notifications")) {
                if (n.get("id").asText().equals(notificationId)) {
                    return;
                }
            }
            Frames.sleep(10);
        }
        throw new AssertionError("Notification " + notificationId + " never reached the read model");
    }

    private void awaitListed(Api.User user, String type, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api().notifications(user, type).size() < count && System.nanoTime() < deadline) {
            Frames.sleep(20);
        }
        assertThat(api().notifications(user, type)).hasSize(count);
    }

    @Test
    void aStreamWithoutAnyRequestDataStartsWithTheUnreadOnes() {
        var auditor = api().newUser(sharedSociety().admin(), sharedSociety().id(), "AUDITOR", null);
        String unread = sendTo(auditor, "for the auditor");
        var requester = live().connect(Live.Transport.TCP, auditor);
        try {
            var first = requester.route("notifications.stream").retrieveFlux(JsonNode.class).blockFirst(WAIT);
            assertThat(first.get("id").asText()).isEqualTo(unread);
        } finally {
            requester.dispose();
        }
    }
}
