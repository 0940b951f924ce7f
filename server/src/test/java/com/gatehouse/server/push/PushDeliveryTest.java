package com.gatehouse.server.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.command.push.PushDrainer;
import com.gatehouse.command.push.PushProvider;
import com.gatehouse.server.entry.Feed;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.FakePushServer;
import com.gatehouse.server.support.FakePushServer.Attempt;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phones ring when the app is closed: every notification is pushed once to each of the recipient's devices
 * through the outbox, against a local server that answers like FCM HTTP v1 and like a Web Push service.
 */
class PushDeliveryTest extends IntegrationTest {

    private static final Duration PUSHED = Duration.ofSeconds(15);

    @Autowired
    PushDrainer drainer;
    @Autowired
    JdbcTemplate jdbc;

    private final FakePushServer push = FakePushServer.get();

    private JsonNode register(Api.User user, String platform, String token) {
        return api().create(user, "/me/devices", Map.of("platform", platform, "token", token, "appVersion", "3.1.0"));
    }

    private static String token(String behaviour) {
        return behaviour + "-" + UUID.randomUUID();
    }

    private JsonNode raiseDelivery(Api.Society society) {
        return api().create(society.guard(), "/gate/requests", Map.of("type", "DELIVERY",
                "flatId", society.flatA().toString(), "providerTag", "SWIGGY"));
    }

    @Test
    void aDeliveryAtTheGateRingsEveryPhoneOfTheFlatOnceWithHighPriority() {
        Api.Society society = api().newSociety();
        String android = token("ok"), iphone = token("slow"), neighbour = token("ok");
        JsonNode device = register(society.residentA1(), "ANDROID", android);
        assertThat(register(society.residentA1(), "ANDROID", android).get("id")).isEqualTo(device.get("id"));
        register(society.residentA2(), "IOS", iphone);
        register(society.residentB(), "ANDROID", neighbour);
        assertThat(api().read(society.residentA1(), "/me/devices").get("devices")).hasSize(1);
        assertThat(api().read(society.residentA1(), "/me/devices").toString()).doesNotContain(android);

        String requestId = raiseDelivery(society).get("id").asText();

        await().atMost(PUSHED).until(() -> accepted(android).size() == 1 && accepted(iphone).size() == 1);
        JsonNode toAndroid = accepted(android).get(0).message();
        assertThat(toAndroid.path("notification").path("title").asText()).isEqualTo("Delivery at the gate");
        assertThat(toAndroid.path("data").path("referenceId").asText()).isEqualTo(requestId);
        assertThat(toAndroid.path("android").path("priority").asText()).isEqualTo("high");
        JsonNode toIphone = accepted(iphone).get(0).message();
        assertThat(toIphone.path("apns").path("headers").path("apns-priority").asText()).isEqualTo("10");
        assertThat(toIphone.path("apns").path("payload").path("aps").path("interruption-level").asText())
                .isEqualTo("time-sensitive");
        assertThat(push.attemptsFor(neighbour)).as("another flat's resident").isEmpty();
        assertThat(push.accessTokensIssued()).as("the OAuth2 access token is cached").isEqualTo(1);
        await().atMost(PUSHED).until(() -> jdbc.queryForObject("select count(*) from push_outbox where user_id = ? "
                + "and status = 'SENT'", Long.class, society.residentA1().id()) == 1);
        assertThat(jdbc.queryForObject("select payload::text from push_outbox where user_id = ?", String.class,
                society.residentA1().id())).as("a sent push keeps no text that may name someone")
                .contains("DELIVERY_REQUEST").doesNotContain("SWIGGY", "title", "message");
    }

    @Test
    void aTokenTheProviderNoLongerKnowsIsForgottenAndCounted() {
        Api.Society society = api().newSociety();
        String gone = token("gone");
        register(society.residentA1(), "ANDROID", gone);

        raiseDelivery(society);

        await().atMost(PUSHED).until(() -> api().read(society.admin(), "/admin/societies/{id}/push-deliveries",
                society.id()).get("unregistered").asLong() == 1);
        assertThat(api().read(society.residentA1(), "/me/devices").get("devices")).isEmpty();
        assertThat(push.attemptsFor(gone)).hasSize(1);
        JsonNode counts = api().read(society.admin(), "/admin/societies/{id}/push-deliveries", society.id());
        assertThat(counts.get("sent").asLong()).isZero();
        assertThat(counts.get("devices").asLong()).isZero();
        api().get(society.residentA1(), "/admin/societies/{id}/push-deliveries", society.id()).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anOverloadedProviderIsRetriedNoSoonerThanItsRetryAfter() {
        Api.Society society = api().newSociety();
        String busy = token("busy"), down = token("down");
        register(society.residentA1(), "ANDROID", busy);
        register(society.residentA2(), "IOS", down);

        raiseDelivery(society);

        await().atMost(PUSHED).until(() -> accepted(busy).size() == 1 && accepted(down).size() == 1);
        for (String token : List.of(busy, down)) {
            List<Attempt> attempts = push.attemptsFor(token);
            assertThat(attempts).extracting(Attempt::status).containsExactly(token.equals(busy) ? 429 : 503, 200);
            assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                    .as("Retry-After: 1 is longer than the configured first retry (0.3 s)")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(attempts.get(1).messageId()).isEqualTo(attempts.get(0).messageId());
        }
    }

    @Test
    void aBrowserGetsAnEncryptedWebPushSignedWithTheServersVapidKey() throws Exception {
        Api.Society society = api().newSociety();
        var browser = WebPushSubscriber.create(push.url() + "/webpush/ok-" + UUID.randomUUID());
        register(society.residentA1(), "WEB", browser.subscriptionJson());

        raiseDelivery(society);

        await().atMost(PUSHED).until(() -> accepted(browser.pathToken()).size() == 1);
        Attempt attempt = accepted(browser.pathToken()).get(0);
        assertThat(attempt.headers().get("Urgency")).isEqualTo("high");
        assertThat(attempt.headers().get("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(WebPushSubscriber.vapidSignatureValid(attempt.headers().get("Authorization"), push.vapidKey()))
                .isTrue();
        JsonNode shown = browser.decrypt(attempt.body());
        assertThat(shown.get("title").asText()).isEqualTo("Delivery at the gate");
        assertThat(shown.get("messageId").asText().replace("-", "")).isEqualTo(attempt.headers().get("Topic"));
    }

    @Test
    void quietHoursAndMutesSilenceAnnouncementsButNeverSomeoneAtTheGate() {
        Api.Society society = api().newSociety();
        String sleeping = token("ok"), muting = token("ok");
        register(society.residentA1(), "ANDROID", sleeping);
        register(society.residentA2(), "IOS", muting);
        var now = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Kolkata"));
        var hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        setPreferences(society.residentA1(), Map.of("quietFrom", now.minusHours(1).format(hhmm),
                "quietTo", now.plusHours(1).format(hhmm), "timeZone", "Asia/Kolkata")).expectStatus().isOk();
        setPreferences(society.residentA2(), Map.of("mutedTypes", List.of("DELIVERY_REQUEST"))).expectStatus()
                .isBadRequest();
        setPreferences(society.residentA2(), Map.of("mutedTypes", List.of("SYSTEM"))).expectStatus().isOk();
        assertThat(api().read(society.residentA2(), "/me/push-preferences").get("mutedTypes").get(0).asText())
                .isEqualTo("SYSTEM");

        api().create(society.admin(), "/admin/societies/{id}/announcements",
                Map.of("title", "Lift maintenance", "message", "Tomorrow 10 am"), society.id());
        raiseDelivery(society);

        await().atMost(PUSHED).until(() -> accepted(sleeping).size() == 1 && accepted(muting).size() == 1
                && api().notifications(society.residentA1(), "SYSTEM").size() == 1
                && api().notifications(society.residentA2(), "SYSTEM").size() == 1);
        assertThat(jdbc.queryForList("select payload->>'type' from push_outbox where user_id in (?, ?)", String.class,
                society.residentA1().id(), society.residentA2().id()))
                .as("the announcement is in the app, not pushed").containsOnly("DELIVERY_REQUEST");
    }

    /** An SOS rings as critical (iOS breaks through silent mode and focus), even in quiet hours, and cannot be muted. */
    @Test
    void anSosRingsCriticalEvenInTheGuardsQuietHours() {
        Api.Society society = api().newSociety();
        String gatePhone = token("ok"), flatmate = token("ok");
        register(society.guard(), "IOS", gatePhone);
        register(society.residentA2(), "ANDROID", flatmate);
        var now = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Kolkata"));
        var hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        setPreferences(society.guard(), Map.of("mutedTypes", List.of("EMERGENCY_ALERT"))).expectStatus().isBadRequest();
        setPreferences(society.guard(), Map.of("quietFrom", now.minusHours(1).format(hhmm),
                "quietTo", now.plusHours(1).format(hhmm), "timeZone", "Asia/Kolkata")).expectStatus().isOk();

        api().create(society.residentA1(), "/community/emergencies", Map.of("type", "MEDICAL"));

        // at least: nobody responds, so it escalates after gatehouse.emergency.escalate-after and rings again
        await().atMost(PUSHED).until(() -> !accepted(gatePhone).isEmpty() && !accepted(flatmate).isEmpty());
        JsonNode toGuard = accepted(gatePhone).get(0).message();
        assertThat(toGuard.path("data").path("type").asText()).isEqualTo("EMERGENCY_ALERT");
        assertThat(toGuard.path("apns").path("headers").path("apns-priority").asText()).isEqualTo("10");
        JsonNode aps = toGuard.path("apns").path("payload").path("aps");
        assertThat(aps.path("interruption-level").asText()).isEqualTo("critical");
        assertThat(aps.path("sound").path("critical").asInt()).isEqualTo(1);
        assertThat(accepted(flatmate).get(0).message().path("android").path("priority").asText()).isEqualTo("high");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec setPreferences(Api.User user,
                                                                                                    Map<String, ?> body) {
        return api().client().put().uri("/api/v1/me/push-preferences")
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void registeringManyDevicesAtOnceKeepsTheTenNewest() {
        Api.Society society = sharedSociety();
        var start = new CountDownLatch(1);
        List<CompletableFuture<Void>> all = IntStream.range(0, 14).mapToObj(i -> CompletableFuture.runAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            register(society.residentB(), "ANDROID", token("ok"));
        })).toList();
        start.countDown();
        all.forEach(CompletableFuture::join);

        assertThat(api().read(society.residentB(), "/me/devices").get("devices")).hasSize(10);
    }

    @Test
    void aTokenRegisteredByAnotherUserMovesToThemAndLogoutWithTheDeviceStopsPushes() {
        Api.Society society = sharedSociety();
        String shared = token("ok");
        register(society.residentA1(), "ANDROID", shared);
        JsonNode device = register(society.residentA2(), "ANDROID", shared);
        assertThat(api().read(society.residentA1(), "/me/devices").get("devices")).isEmpty();

        api().post(society.residentA2(), "/auth/logout", Map.of("refreshToken", society.residentA2().refreshToken(),
                "deviceId", device.get("id").asText())).exchange().expectStatus().isNoContent();
        api().delete(society.residentA1(), "/me/devices/{id}", device.get("id").asText()).exchange()
                .expectStatus().isNotFound();
        assertThat(jdbc.queryForObject("select count(*) from push_device where token = ?", Long.class, shared)).isZero();
    }

    /** An erased user's phones are forgotten with them: tokens, preferences and the pushes still waiting. */
    @Test
    void anErasedUsersDevicesAndPreferencesGoWithTheirData() {
        Api.Society society = api().newSociety();
        register(society.residentB(), "ANDROID", token("ok"));
        setPreferences(society.residentB(), Map.of("mutedTypes", List.of("SYSTEM"))).expectStatus().isOk();

        api().post(society.admin(), "/admin/privacy/erasures", Map.of("kind", "USER",
                "id", society.residentB().id().toString(), "reason", "moved out")).exchange()
                .expectStatus().is2xxSuccessful();

        await().atMost(PUSHED).until(() -> jdbc.queryForObject("select count(*) from push_device where user_id = ?",
                Long.class, society.residentB().id()) == 0);
        assertThat(jdbc.queryForObject("select count(*) from push_preferences where user_id = ?", Long.class,
                society.residentB().id())).isZero();
    }

    /**
     * Two instances drain one backlog while a third dies in the middle of its batch (after the provider took a
     * push it had not yet recorded as sent): every push arrives, the dead instance's claimed rows once its
     * lease ends, and no message is shown twice (the one in flight at the death is resent with the same
     * message id, which the phone's collapse key replaces).
     */
    @Test
    void noPushIsLostOrDoubledWhenAnInstanceDiesInTheMiddleOfABatch() {
        Api.Society society = api().newSociety();
        List<Api.User> members = List.of(society.admin(), society.guard(), society.residentA1(), society.residentA2(),
                society.residentB(), society.auditor());
        Map<String, Api.User> tokens = new HashMap<>();
        for (Api.User member : members) {
            for (int i = 0; i < 3; i++) {
                String token = token("ok");
                register(member, "ANDROID", token);
                tokens.put(token, member);
            }
        }
        drainer.stop();
        PushDrainer dying = null, other = null;
        try {
            for (int i = 0; i < 6; i++) {
                api().create(society.admin(), "/admin/societies/{id}/announcements",
                        Map.of("title", "Water cut " + i, "message", "No water from 2 pm"), society.id());
            }
            int messages = 6 * members.size() * 3; // announcements x members x devices
            await().atMost(PUSHED).until(() -> jdbc.queryForObject("select count(*) from push_outbox where society_id = ?",
                    Long.class, society.id()) == messages);
            Set<UUID> expected = new java.util.HashSet<>(jdbc.queryForList(
                    "select message_id from push_outbox where society_id = ?", UUID.class, society.id()));

            AtomicInteger sent = new AtomicInteger();
            dying = drainer.sibling("dying-instance", provider -> new DiesAfter(provider, sent, 25));
            dying.drainOnce(); // claims a batch, the provider takes 25, then the instance is dead
            assertThat(jdbc.queryForObject("select count(*) from push_outbox where society_id = ? and status = 'PENDING' "
                    + "and claimed_by = 'dying-instance'", Long.class, society.id())).isGreaterThan(0);

            drainer.start();
            other = drainer.sibling("other-instance", UnaryOperator.identity());
            other.start();
            await().atMost(PUSHED).until(() -> jdbc.queryForObject("select count(*) from push_outbox where "
                    + "society_id = ? and status = 'SENT'", Long.class, society.id()) == expected.size());

            Map<String, Long> acceptedPerMessage = push.attempts().stream()
                    .filter(a -> tokens.containsKey(a.token()) && a.status() == 200)
                    .collect(Collectors.groupingBy(Attempt::messageId, Collectors.counting()));
            assertThat(acceptedPerMessage.keySet()).containsExactlyInAnyOrderElementsOf(
                    expected.stream().map(UUID::toString).toList());
            List<String> twice = acceptedPerMessage.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey).toList();
            assertThat(twice).as("only the push in flight when the instance died is sent again").hasSize(1);
            assertThat(acceptedPerMessage.get(twice.get(0))).isEqualTo(2);
        } finally {
            if (other != null) {
                other.stop();
            }
            drainer.start();
        }
    }

    /**
     * An instance that stops dead after the provider took some pushes of its batch and before it recorded them
     * (outcomes are recorded per batch): once its lease ends, the other instances send its whole batch; nothing is
     * lost, and the only pushes the provider sees twice are those the stopped instance had sent, each with the same
     * message id both times. Its late recording, when it wakes, changes nothing.
     */
    @Test
    void aBatchSentButNotRecordedByAStoppedInstanceIsSentAgainWithTheSameMessageIds() throws Exception {
        Api.Society society = api().newSociety();
        Map<String, Api.User> tokens = new HashMap<>();
        for (Api.User member : List.of(society.admin(), society.guard(), society.residentA1(), society.residentB())) {
            for (int i = 0; i < 2; i++) {
                String token = token("ok");
                register(member, "ANDROID", token);
                tokens.put(token, member);
            }
        }
        drainer.stop();
        CountDownLatch wake = new CountDownLatch(1);
        CompletableFuture<Integer> stopped = null;
        try {
            for (int i = 0; i < 5; i++) {
                api().create(society.admin(), "/admin/societies/{id}/announcements",
                        Map.of("title", "Lift service " + i, "message", "Lift B off from 10 am"), society.id());
            }
            int messages = 5 * 4 * 2;
            await().atMost(PUSHED).until(() -> jdbc.queryForObject("select count(*) from push_outbox where society_id = ?",
                    Long.class, society.id()) == messages);

            List<String> sentByStopped = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            PushDrainer frozen = drainer.sibling("stopped-instance", provider -> new FreezesAfter(provider, 10,
                    sentByStopped, wake));
            stopped = CompletableFuture.supplyAsync(frozen::drainOnce);
            await().atMost(PUSHED).until(() -> sentByStopped.size() == 10);
            assertThat(jdbc.queryForObject("select count(*) from push_outbox where society_id = ? and status = 'SENT'",
                    Long.class, society.id())).as("nothing of the stopped instance's batch is recorded").isZero();

            drainer.start();
            await().atMost(PUSHED).until(() -> jdbc.queryForObject("select count(*) from push_outbox where "
                    + "society_id = ? and status = 'SENT'", Long.class, society.id()) == messages);
            Map<String, Long> acceptedPerMessage = push.attempts().stream()
                    .filter(a -> tokens.containsKey(a.token()) && a.status() == 200)
                    .collect(Collectors.groupingBy(Attempt::messageId, Collectors.counting()));
            assertThat(acceptedPerMessage).hasSize(messages);
            assertThat(acceptedPerMessage.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                    .as("sent twice: exactly what the stopped instance had sent, with the same ids")
                    .containsExactlyInAnyOrderElementsOf(sentByStopped);
            assertThat(acceptedPerMessage.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));

            wake.countDown(); // the stopped instance comes back and records its old batch
            stopped.get(PUSHED.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(jdbc.queryForObject("select count(*) from push_outbox where society_id = ? and status = 'SENT'",
                    Long.class, society.id())).isEqualTo(messages);
        } finally {
            wake.countDown();
            drainer.start();
        }
    }

    /**
     * Residents' apps report each push they showed; the guard's stream counts the phones that showed the request
     * (once per phone, however many receipts) and says when a resident opened it.
     */
    @Test
    void theGuardSeesHowManyPhonesShowedTheRequestAndWhetherOneOpenedIt() throws Exception {
        Api.Society society = api().newSociety();
        UUID phone = UUID.fromString(register(society.residentA1(), "ANDROID", token("ok")).get("id").asText());
        UUID tablet = UUID.fromString(register(society.residentA1(), "ANDROID", token("ok")).get("id").asText());
        try (Feed gate = new Feed(live().connect(Live.Transport.TCP, society.guard()), "gate.requests.stream")) {
            String requestId = raiseDelivery(society).get("id").asText();
            gate.next(f -> f.path("id").asText().equals(requestId), PUSHED);
            await().atMost(PUSHED).until(() -> api().notifications(society.residentA1(), "DELIVERY_REQUEST").size() == 1
                    && api().notifications(society.residentA2(), "DELIVERY_REQUEST").size() == 1);
            String toA1 = api().notifications(society.residentA1(), "DELIVERY_REQUEST").get(0).get("id").asText();
            String toA2 = api().notifications(society.residentA2(), "DELIVERY_REQUEST").get(0).get("id").asText();

            delivered(society.residentA1(), toA1, Map.of("deviceId", phone)).isNoContent();
            delivered(society.residentA1(), toA1, Map.of("deviceId", phone)).isNoContent(); // the same phone again
            delivered(society.residentA1(), toA1, Map.of("deviceId", tablet)).isNoContent();
            api().client().post().uri("/api/v1/resident/notifications/{id}/delivered", toA2)
                    .header(org.springframework.http.HttpHeaders.AUTHORIZATION, society.residentA2().bearer())
                    .exchange().expectStatus().isNoContent(); // no body: A2's phones count as one
            delivered(society.residentA2(), toA1, Map.of("deviceId", phone)).isNotFound(); // someone else's
            delivered(society.residentA1(), UUID.randomUUID().toString(), Map.of()).isNotFound();

            JsonNode reached = gate.next(f -> f.path("id").asText().equals(requestId)
                    && f.path("phonesReached").asInt() == 3, PUSHED);
            assertThat(reached.path("opened").asBoolean()).isFalse();

            api().patch(society.residentA2(), "/resident/notifications/{id}/read", Map.of(), toA2).exchange()
                    .expectStatus().isOk();
            JsonNode opened = gate.next(f -> f.path("id").asText().equals(requestId) && f.path("opened").asBoolean(),
                    PUSHED);
            assertThat(opened.path("phonesReached").asInt()).isEqualTo(3);
            assertThat(opened.path("openedAt").isTextual()).isTrue();
            assertThat(gate.all()).as("no frame ever counted a phone twice")
                    .allSatisfy(f -> assertThat(f.path("phonesReached").asInt()).isLessThanOrEqualTo(3));
        }
        JsonNode request = api().read(society.guard(), "/gate/requests?limit=1").get("entryRequests").get(0);
        assertThat(request.path("phonesReached").asInt()).isEqualTo(3);
        assertThat(request.path("opened").asBoolean()).isTrue();
    }

    private org.springframework.test.web.reactive.server.StatusAssertions delivered(Api.User user, String notification,
                                                                                    Map<String, ?> body) {
        return api().post(user, "/resident/notifications/{id}/delivered", body, notification).exchange().expectStatus();
    }

    private List<Attempt> accepted(String token) {
        return push.attemptsFor(token).stream().filter(a -> a.status() / 100 == 2).toList();
    }

    /** A provider whose instance dies right after the provider took its n-th push: nothing after it happens. */
    private record DiesAfter(PushProvider provider, AtomicInteger sent, int n) implements PushProvider {
        @Override
        public boolean delivers(com.gatehouse.api.push.DevicePlatform platform) {
            return provider.delivers(platform);
        }

        @Override
        public Outcome send(PushMessage message) {
            if (sent.get() >= n) {
                throw new Death();
            }
            Outcome outcome = provider.send(message);
            if (sent.incrementAndGet() >= n) {
                throw new Death();
            }
            return outcome;
        }
    }

    /**
     * A provider of an instance that stops dead (frozen, as if killed) right after the provider took its n-th push:
     * nothing more is sent or recorded until {@code wake} opens.
     */
    private record FreezesAfter(PushProvider provider, int n, List<String> sent, CountDownLatch wake)
            implements PushProvider {
        @Override
        public boolean delivers(com.gatehouse.api.push.DevicePlatform platform) {
            return provider.delivers(platform);
        }

        @Override
        public Outcome send(PushMessage message) {
            if (sent.size() >= n) {
                try {
                    wake.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Retry("woke up", null);
            }
            Outcome outcome = provider.send(message);
            sent.add(message.messageId().toString());
            return outcome;
        }
    }

    private static final class Death extends Error {
        Death() {
            super("the instance died", null, false, false);
        }
    }

}
