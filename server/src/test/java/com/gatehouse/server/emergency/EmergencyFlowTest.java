package com.gatehouse.server.emergency;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.entry.Feed;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SOS on the real stack: guards and admins see it live on emergencies.stream (real RSocket clients) and are
 * notified; the first response wins; nobody responding escalates to the reporter's block; other societies see
 * nothing of it. Escalation runs every 3 s here (gatehouse.emergency.escalate-after in IntegrationTest).
 */
class EmergencyFlowTest extends IntegrationTest {

    private static final Duration LIVE = Duration.ofSeconds(10);
    private static final String ROUTE = "emergencies.stream";

    private JsonNode raise(Api.User reporter, String type, String description, String location) {
        var body = new java.util.HashMap<String, Object>(Map.of("type", type));
        if (description != null) {
            body.put("description", description);
        }
        if (location != null) {
            body.put("location", location);
        }
        return api().create(reporter, "/community/emergencies", body);
    }

    private Feed watch(Live.Transport transport, Api.User user) {
        return new Feed(live().connect(transport, user), ROUTE);
    }

    private List<JsonNode> alertsAbout(Api.User user, String emergencyId) {
        List<JsonNode> matching = new ArrayList<>();
        api().notifications(user).get("notifications").forEach(n -> {
            if (emergencyId.equals(n.path("referenceId").asText())) {
                matching.add(n);
            }
        });
        return matching;
    }

    @Test
    void residentRaisesAnSosAndEveryGuardAndAdminSeesItLiveAndIsAlerted() throws Exception {
        var society = api().newSociety();
        var secondGuard = api().newUser(society.admin(), society.id(), "GUARD", null);
        try (Feed guard = watch(Live.Transport.WEBSOCKET, society.guard());
             Feed guard2 = watch(Live.Transport.TCP, secondGuard);
             Feed admin = watch(Live.Transport.WEBSOCKET, society.admin());
             Feed reporter = watch(Live.Transport.TCP, society.residentA1());
             Feed otherBlock = watch(Live.Transport.WEBSOCKET, society.residentB())) {

            JsonNode sos = raise(society.residentA1(), "MEDICAL", "Father collapsed", "Lift lobby, A block");
            String id = sos.get("id").asText();
            assertThat(sos.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(sos.get("flatId").asText()).isEqualTo(society.flatA().toString());
            assertThat(sos.get("block").asText()).isEqualTo("A");
            assertThat(sos.get("societyId").asText()).isEqualTo(society.id().toString());
            assertThat(sos.get("escalated").asBoolean()).isFalse();

            for (Feed feed : List.of(guard, guard2, admin, reporter)) {
                JsonNode frame = feed.next(Feed.id(id, "status", "ACTIVE"), LIVE);
                assertThat(frame.get("type").asText()).isEqualTo("MEDICAL");
                assertThat(frame.get("location").asText()).isEqualTo("Lift lobby, A block");
            }

            // every guard and admin is alerted, and the reporter's flat is told; the other block is not
            for (Api.User alerted : List.of(society.guard(), secondGuard, society.admin())) {
                await().atMost(LIVE).until(() -> alertsAbout(alerted, id).stream()
                        .anyMatch(n -> n.get("title").asText().equals("SOS: MEDICAL at A-101")));
                JsonNode alert = alertsAbout(alerted, id).stream()
                        .filter(n -> n.get("title").asText().equals("SOS: MEDICAL at A-101")).findFirst().orElseThrow();
                assertThat(alert.get("type").asText()).isEqualTo("EMERGENCY_ALERT");
                assertThat(alert.get("referenceType").asText()).isEqualTo("Emergency");
                assertThat(alert.get("message").asText()).contains("MEDICAL", "Lift lobby, A block", "Father collapsed");
            }
            await().atMost(LIVE).until(() -> alertsAbout(society.residentA2(), id).stream()
                    .anyMatch(n -> n.get("title").asText().equals("SOS raised from your flat")));
            assertThat(alertsAbout(society.residentB(), id)).isEmpty();

            // a guard responds: everyone watching sees who, the reporter is told
            JsonNode responded = api().patch(society.guard(), "/community/emergencies/{id}/respond", Map.of(), id)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(responded.get("respondedById").asText()).isEqualTo(society.guard().id().toString());
            for (Feed feed : List.of(guard2, admin, reporter)) {
                feed.next(Feed.id(id, "respondedById", society.guard().id().toString()), LIVE);
            }
            await().atMost(LIVE).until(() -> alertsAbout(society.residentA1(), id).stream()
                    .anyMatch(n -> n.get("title").asText().equals("Help is on the way")));

            // the admin resolves it
            JsonNode resolved = api().patch(society.admin(), "/community/emergencies/{id}/resolve",
                            Map.of("notes", "Ambulance came"), id)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(resolved.get("notes").asText()).isEqualTo("Ambulance came");
            for (Feed feed : List.of(guard, guard2, admin, reporter)) {
                feed.next(Feed.id(id, "status", "RESOLVED"), LIVE);
            }
            api().patch(society.admin(), "/community/emergencies/{id}/false-alarm", Map.of(), id)
                    .exchange().expectStatus().isEqualTo(409);
            assertThat(otherBlock.all()).as("a resident of another block, nothing escalated").isEmpty();
        }
    }

    @Test
    void nobodyRespondsAndTheSosIsEscalatedToTheReportersBlock() throws Exception {
        var society = api().newSociety();
        var platform = api().platformAdmin();
        UUID flatA102 = UUID.fromString(api().create(platform, "/admin/societies/{id}/flats",
                Map.of("block", "A", "number", "102"), society.id()).get("id").asText());
        var neighbour = api().newUser(society.admin(), society.id(), "RESIDENT", flatA102);
        try (Feed guard = watch(Live.Transport.WEBSOCKET, society.guard());
             Feed block = watch(Live.Transport.TCP, neighbour)) {
            String id = raise(society.residentA1(), "FIRE", null, "Kitchen").get("id").asText();
            guard.next(Feed.id(id, "status", "ACTIVE"), LIVE);

            // nobody responds within escalate-after (PT3S here): alerted again, marked escalated
            JsonNode escalated = guard.next(Feed.id(id, "escalationCount", "1"), LIVE);
            assertThat(escalated.get("escalated").asBoolean()).isTrue();
            assertThat(escalated.get("status").asText()).isEqualTo("ACTIVE");
            // the neighbour of the same block now sees it live and is alerted; the other block is not
            block.next(Feed.id(id, "escalationCount", "1"), LIVE);
            await().atMost(LIVE).until(() -> !alertsAbout(neighbour, id).isEmpty());
            JsonNode alert = alertsAbout(neighbour, id).get(0);
            assertThat(alert.get("type").asText()).isEqualTo("EMERGENCY_ALERT");
            assertThat(alert.get("title").asText()).isEqualTo("ESCALATED SOS: FIRE at A-101");
            await().atMost(LIVE).until(() -> alertsAbout(society.guard(), id).size() >= 2);
            assertThat(alertsAbout(society.residentB(), id)).isEmpty();
            api().get(neighbour, "/community/emergencies/{id}", id).exchange().expectStatus().isOk();
            api().get(society.residentB(), "/community/emergencies/{id}", id).exchange().expectStatus().isNotFound();

            // the response stops it
            api().patch(society.guard(), "/community/emergencies/{id}/respond", Map.of(), id)
                    .exchange().expectStatus().isOk();
            block.next(Feed.id(id, "respondedById", society.guard().id().toString()), LIVE);
        }
    }

    @Test
    void guardsAndAdminsRespondingAtOnceLeaveExactlyOneResponder() throws Exception {
        var society = api().newSociety();
        List<Api.User> responders = new ArrayList<>(List.of(society.guard(), society.admin()));
        for (int i = 0; i < 4; i++) {
            responders.add(api().newUser(society.admin(), society.id(), i % 2 == 0 ? "GUARD" : "ADMIN", null));
        }
        String id = raise(society.residentB(), "THEFT", "Someone in the parking", null).get("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(responders.size() * 2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map.Entry<Integer, JsonNode>>> answers = new ArrayList<>();
            for (int i = 0; i < responders.size() * 2; i++) {
                Api.User responder = responders.get(i % responders.size());
                answers.add(pool.submit(() -> {
                    start.await();
                    var result = api().patch(responder, "/community/emergencies/{id}/respond", Map.of(), id)
                            .exchange().expectBody(JsonNode.class).returnResult();
                    return Map.entry(result.getStatus().value(), result.getResponseBody());
                }));
            }
            start.countDown();
            List<Map.Entry<Integer, JsonNode>> results = new ArrayList<>();
            for (var answer : answers) {
                results.add(answer.get());
            }
            assertThat(results).filteredOn(r -> r.getKey() == 200).as("%s", results).hasSize(1);
            String winner = results.stream().filter(r -> r.getKey() == 200).findFirst().orElseThrow()
                    .getValue().get("respondedById").asText();
            assertThat(results).filteredOn(r -> r.getKey() != 200).hasSize(responders.size() * 2 - 1)
                    .allSatisfy(r -> {
                        assertThat(r.getKey()).isEqualTo(409);
                        assertThat(r.getValue().get("detail").asText()).contains("already responded to by", winner);
                    });
            assertThat(api().read(society.guard(), "/community/emergencies/{id}", id).get("respondedById").asText())
                    .isEqualTo(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherSocietysEmergenciesAreNotFoundAndNotListedOrStreamed() throws Exception {
        var society = api().newSociety();
        var other = api().newSociety();
        try (Feed otherGuard = watch(Live.Transport.WEBSOCKET, other.guard())) {
            String id = raise(society.residentA1(), "VIOLENCE", null, null).get("id").asText();
            for (Api.User outsider : List.of(other.admin(), other.guard(), other.residentA1())) {
                api().get(outsider, "/community/emergencies/{id}", id).exchange().expectStatus().isNotFound();
            }
            for (String action : List.of("respond", "resolve", "false-alarm")) {
                api().patch(action.equals("respond") ? other.guard() : other.admin(),
                        "/community/emergencies/{id}/" + action, Map.of(), id).exchange().expectStatus().isNotFound();
            }
            for (String list : List.of("/community/emergencies", "/community/emergencies/active")) {
                assertThat(api().read(other.admin(), list).get("emergencies")).isEmpty();
                assertThat(api().read(society.admin(), list).get("emergencies")).extracting(e -> e.get("id").asText())
                        .containsExactly(id);
            }
            assertThat(api().read(other.residentA1(), "/community/emergencies/my").get("emergencies")).isEmpty();
            assertThat(api().read(society.residentA1(), "/community/emergencies/my").get("emergencies"))
                    .extracting(e -> e.get("id").asText()).containsExactly(id);
            // a resident of another flat of the same society: not theirs, not escalated to them
            api().get(society.residentB(), "/community/emergencies/{id}", id).exchange().expectStatus().isNotFound();
            // roles: residents do not list the society's emergencies nor respond; guards do not resolve
            api().get(society.residentA1(), "/community/emergencies").exchange().expectStatus().isForbidden();
            api().patch(society.residentA2(), "/community/emergencies/{id}/respond", Map.of(), id)
                    .exchange().expectStatus().isForbidden();
            api().patch(society.guard(), "/community/emergencies/{id}/resolve", Map.of(), id)
                    .exchange().expectStatus().isForbidden();
            // the other society's guard, connected all along, saw nothing of it
            api().patch(society.guard(), "/community/emergencies/{id}/respond", Map.of(), id)
                    .exchange().expectStatus().isOk();
            assertThat(otherGuard.all()).extracting(f -> f.get("id").asText()).doesNotContain(id);
        }
    }
}
