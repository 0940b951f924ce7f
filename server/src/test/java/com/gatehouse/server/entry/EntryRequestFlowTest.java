package com.gatehouse.server.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Guards raise, residents decide live, nobody answering lets the request expire; on the real server. */
class EntryRequestFlowTest extends IntegrationTest {

    static final Duration LIVE = Duration.ofSeconds(5);

    static Map<String, Object> delivery(UUID flat) {
        return new HashMap<>(Map.of("type", "DELIVERY", "flatId", flat.toString(), "providerTag", "SWIGGY",
                "visitorName", "Rider", "visitorPhone", "9876543210"));
    }

    static Map<String, Object> visitor(UUID flat, String name) {
        return new HashMap<>(Map.of("type", "VISITOR", "flatId", flat.toString(), "visitorName", name));
    }

    JsonNode raise(Api.User guard, Map<String, Object> body) {
        JsonNode request = api().create(guard, "/gate/requests", body);
        assertThat(request.get("status").asText()).isEqualTo("PENDING");
        return request;
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }

    /** The user's notifications about one thing (as the app lists them). */
    List<JsonNode> notificationsAbout(Api.User user, Object referenceId) {
        List<JsonNode> found = new ArrayList<>();
        api().read(user, "/resident/notifications?limit=100").get("notifications").forEach(n -> {
            if (n.path("referenceId").asText().equals(referenceId.toString())) {
                found.add(n);
            }
        });
        return found;
    }

    Feed requests(Live.Transport transport, Api.User user) {
        return new Feed(live().connect(transport, user), "gate.requests.stream");
    }

    @Test
    void residentApprovesDeliveryAndGuardSeesItLive() throws Exception {
        var society = api().newSociety();
        // a visitor already waiting: the feeds' state (it expires after the test's PT2S)
        UUID waiting = id(raise(society.guard(), visitor(society.flatA(), "Early bird")));
        try (Feed guard = requests(Live.Transport.WEBSOCKET, society.guard());
             Feed ravi = requests(Live.Transport.TCP, society.residentA1());
             Feed meera = requests(Live.Transport.WEBSOCKET, society.residentA2());
             Feed kabir = requests(Live.Transport.TCP, society.residentB())) {
            // state first: the pending request, for the guard and for both residents of the flat
            guard.next(Feed.id(waiting, "status", "PENDING"), LIVE);
            ravi.next(Feed.id(waiting, "status", "PENDING"), LIVE);
            meera.next(Feed.id(waiting, "status", "PENDING"), LIVE);

            // a rider at the gate: raised, and approved by one resident at once
            JsonNode raised = raise(society.guard(), delivery(society.flatA()));
            UUID requestId = id(raised);
            JsonNode approved = api().patch(society.residentA2(), "/gate/requests/{id}/approve", Map.of(), requestId)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

            assertThat(raised.get("type").asText()).isEqualTo("DELIVERY");
            assertThat(raised.get("providerTag").asText()).isEqualTo("SWIGGY");
            assertThat(raised.get("visitorPhone").asText()).isEqualTo("9876543210");
            assertThat(raised.get("flatId").asText()).isEqualTo(society.flatA().toString());
            assertThat(raised.get("societyId").asText()).isEqualTo(society.id().toString());
            assertThat(raised.get("guardId").asText()).isEqualTo(society.guard().id().toString());
            assertThat(raised.get("entryId").isNull()).isTrue();
            assertThat(Duration.between(Instant.parse(raised.get("createdAt").asText()),
                    Instant.parse(raised.get("expiresAt").asText()))).as("the configured expiry")
                    .isEqualTo(Duration.ofSeconds(2));
            assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
            assertThat(approved.get("approvedById").asText()).isEqualTo(society.residentA2().id().toString());
            assertThat(approved.get("approvedAt").isNull()).isFalse();
            UUID entryId = UUID.fromString(approved.get("entryId").asText());

            // then the changes, on every screen of the flat and the gate, in order
            guard.next(Feed.id(requestId, "status", "PENDING"), LIVE);
            assertThat(guard.next(Feed.id(requestId, "status", "APPROVED"), LIVE).get("entryId").asText())
                    .isEqualTo(entryId.toString());
            ravi.next(Feed.id(requestId, "status", "PENDING"), LIVE);
            ravi.next(Feed.id(requestId, "status", "APPROVED"), LIVE);
            meera.next(Feed.id(requestId, "status", "APPROVED"), LIVE);
            // and the waiting visitor's expiry too; the other flat's resident saw none of it
            guard.next(Feed.id(waiting, "status", "EXPIRED"), Duration.ofSeconds(15));
            UUID forB = id(raise(society.guard(), visitor(society.flatB(), "Kabir's friend")));
            assertThat(kabir.next(frame -> true, LIVE).get("id").asText()).isEqualTo(forB.toString());

            // the rider is in the gate log until the guard checks them out
            JsonNode entry = api().read(society.guard(), "/gate/entries/{id}", entryId);
            assertThat(entry.get("entryRequestId").asText()).isEqualTo(requestId.toString());
            assertThat(entry.get("type").asText()).isEqualTo("DELIVERY");
            assertThat(entry.get("approvedById").asText()).isEqualTo(society.residentA2().id().toString());
            assertThat(entry.get("exitedAt").isNull()).isTrue();
            assertThat(api().read(society.guard(), "/gate/entries?open=true").get("entries"))
                    .extracting(e -> e.get("id").asText()).containsExactly(entryId.toString());
            JsonNode out = api().patch(society.guard(), "/gate/entries/{id}/checkout", Map.of(), entryId)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(out.get("exitedAt").isNull()).isFalse();
            assertThat(out.get("checkedOutById").asText()).isEqualTo(society.guard().id().toString());
            assertThat(api().read(society.guard(), "/gate/entries?open=true").get("entries")).isEmpty();

            JsonNode read = api().read(society.residentA1(), "/gate/requests/{id}", requestId);
            assertThat(read.get("status").asText()).isEqualTo("APPROVED");

            // every resident of the flat was notified, once: a delivery for the rider, an entry request for the guest
            for (Api.User resident : List.of(society.residentA1(), society.residentA2())) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(notificationsAbout(resident, requestId)).singleElement().satisfies(n -> {
                            assertThat(n.get("type").asText()).isEqualTo("DELIVERY_REQUEST");
                            assertThat(n.get("referenceType").asText()).isEqualTo("EntryRequest");
                            assertThat(n.get("data").get("entryRequestId").asText()).isEqualTo(requestId.toString());
                            assertThat(n.get("data").get("providerTag").asText()).isEqualTo("SWIGGY");
                            assertThat(n.get("message").asText()).contains("SWIGGY delivery");
                        }));
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(notificationsAbout(resident, waiting)).singleElement()
                                .satisfies(n -> assertThat(n.get("type").asText()).isEqualTo("ENTRY_REQUEST")));
            }
            assertThat(notificationsAbout(society.residentB(), requestId)).isEmpty();
            assertThat(notificationsAbout(society.guard(), requestId)).isEmpty();
            // a later decision loses, naming the winner
            api().patch(society.residentA1(), "/gate/requests/{id}/reject", Map.of("reason", "too late"), requestId)
                    .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("APPROVED"));
        }
    }

    @Test
    void nobodyAnswersAndTheGuardSeesTheRequestExpire() throws Exception {
        var society = api().newSociety();
        UUID requestId = id(raise(society.guard(), visitor(society.flatA(), "Asha")));
        try (Feed guard = requests(Live.Transport.TCP, society.guard())) {
            JsonNode expired = guard.next(Feed.id(requestId, "status", "EXPIRED"), Duration.ofSeconds(15));
            assertThat(expired.get("approvedAt").isNull()).isTrue();
            assertThat(expired.get("entryId").isNull()).isTrue();
        }
        api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), requestId)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("EXPIRED"));
        assertThat(api().read(society.guard(), "/gate/requests?status=EXPIRED").get("entryRequests"))
                .extracting(r -> r.get("id").asText()).containsExactly(requestId.toString());
        assertThat(api().read(society.guard(), "/gate/entries").get("entries")).isEmpty();
    }

    @Test
    void residentRejectsWithAReason() {
        var society = api().newSociety();
        UUID requestId = id(raise(society.guard(), visitor(society.flatA(), "Unknown caller")));
        JsonNode rejected = api().patch(society.residentA1(), "/gate/requests/{id}/reject",
                        Map.of("reason", "Not expecting anyone"), requestId)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("Not expecting anyone");
        assertThat(rejected.get("rejectedAt").isNull()).isFalse();
        assertThat(rejected.get("entryId").isNull()).isTrue();
        api().patch(society.residentA2(), "/gate/requests/{id}/approve", Map.of(), requestId)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("REJECTED"));
        // a reject without a body is fine too
        UUID second = id(raise(society.guard(), visitor(society.flatA(), "Salesman")));
        api().client().patch().uri("/api/v1/gate/requests/{id}/reject", second)
                .header("Authorization", society.residentA2().bearer()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REJECTED");
    }

    @Test
    void tenDecisionsAtOnceLeaveExactlyOneWinner() throws Exception {
        var society = api().newSociety();
        UUID requestId = id(raise(society.guard(), delivery(society.flatA())));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map.Entry<Integer, String>>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Api.User resident = i % 2 == 0 ? society.residentA1() : society.residentA2();
                String action = i % 3 == 0 ? "reject" : "approve";
                answers.add(pool.submit(() -> {
                    start.await();
                    var result = api().patch(resident, "/gate/requests/{id}/" + action, Map.of(), requestId)
                            .exchange().expectBody(JsonNode.class).returnResult();
                    JsonNode body = result.getResponseBody();
                    return Map.entry(result.getStatus().value(),
                            result.getStatus().value() == 200 ? body.get("status").asText() : body.get("detail").asText());
                }));
            }
            start.countDown();
            List<Map.Entry<Integer, String>> results = new ArrayList<>();
            for (var answer : answers) {
                results.add(answer.get());
            }
            String finalStatus = api().read(society.guard(), "/gate/requests/{id}", requestId).get("status").asText();
            // the expiry (PT2S here) is a legitimate competitor: if it won, no decision may have
            long ok = results.stream().filter(r -> r.getKey() == 200).count();
            assertThat(ok).as("results %s, final %s", results, finalStatus)
                    .isEqualTo(finalStatus.equals("EXPIRED") ? 0 : 1);
            results.stream().filter(r -> r.getKey() == 200)
                    .forEach(r -> assertThat(r.getValue()).isEqualTo(finalStatus));
            assertThat(results).filteredOn(r -> r.getKey() != 200).allSatisfy(r -> {
                assertThat(r.getKey()).isEqualTo(409);
                assertThat(r.getValue()).contains(finalStatus);
            });
            assertThat(api().read(society.guard(), "/gate/entries").get("entries"))
                    .hasSize(finalStatus.equals("APPROVED") ? 1 : 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetriedRaiseReturnsTheFirstRequestAndCreatesNothing() {
        var society = api().newSociety();
        String key = UUID.randomUUID().toString();
        JsonNode first = api().post(society.guard(), "/gate/requests", delivery(society.flatA()))
                .header("Idempotency-Key", key).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode retry = api().post(society.guard(), "/gate/requests", delivery(society.flatA()))
                .header("Idempotency-Key", key).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(retry).isEqualTo(first);
        JsonNode other = api().post(society.guard(), "/gate/requests", delivery(society.flatA()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(id(other)).isNotEqualTo(id(first));
        assertThat(api().read(society.guard(), "/gate/requests").get("pagination").get("total").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        var society = api().newSociety();
        var other = api().newSociety();
        api().post(society.guard(), "/gate/requests", Map.of("flatId", society.flatA().toString()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors.type").exists();
        api().post(society.guard(), "/gate/requests", Map.of("type", "VISITOR"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors.flatId").exists();
        var badTag = delivery(society.flatA());
        badTag.put("providerTag", "UBER_EATS");
        api().post(society.guard(), "/gate/requests", badTag).exchange().expectStatus().isBadRequest();
        var badPhone = delivery(society.flatA());
        badPhone.put("visitorPhone", "call me");
        api().post(society.guard(), "/gate/requests", badPhone)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors.visitorPhone").exists();
        api().post(society.guard(), "/gate/requests", delivery(other.flatA())).exchange().expectStatus().isNotFound();
        api().post(society.guard(), "/gate/requests", delivery(UUID.randomUUID())).exchange().expectStatus().isNotFound();
        api().read(society.guard(), "/gate/requests?status=PENDING");
        api().get(society.guard(), "/gate/requests?status=LOST").exchange().expectStatus().isBadRequest();
        api().get(society.guard(), "/gate/requests?limit=500").exchange().expectStatus().isBadRequest();
        api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), UUID.randomUUID())
                .exchange().expectStatus().isNotFound();
        assertThat(api().read(society.guard(), "/gate/requests").get("pagination").get("total").asInt()).isZero();
    }
}
