package com.gatehouse.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuditTest extends IntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    private List<JsonNode> history(Api.User user, String query) {
        String body = api().get(user, "/admin/audit/events" + query).accept(MediaType.APPLICATION_NDJSON)
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .expectBody(String.class).returnResult().getResponseBody();
        List<JsonNode> events = new ArrayList<>();
        if (body != null) {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        events.add(json.readTree(line));
                    } catch (Exception e) {
                        throw new AssertionError("not JSON: " + line, e);
                    }
                }
            }
        }
        return events;
    }

    @Test
    void anAuditorStreamsTheirSocietysHistoryInOrderAndNothingElse() {
        var society = api().newSociety();
        var other = api().newSociety();
        await().atMost(Duration.ofSeconds(10)).until(() -> history(society.auditor(), "").size() >= 9);
        List<JsonNode> events = history(society.auditor(), "");
        // society created, two flats, seven users
        assertThat(events).extracting(e -> e.get("eventType").asText())
                .contains("SocietyCreated", "FlatAdded", "UserRegistered");
        assertThat(events).allSatisfy(e -> assertThat(e.get("societyId").asText()).isEqualTo(society.id().toString()));
        assertThat(events).extracting(e -> e.get("globalIndex").asLong()).isSorted();
        JsonNode flatAdded = events.stream().filter(e -> e.get("eventType").asText().equals("FlatAdded")).findFirst().orElseThrow();
        assertThat(flatAdded.get("aggregateType").asText()).isEqualTo("Society");
        assertThat(flatAdded.get("payload").get("block").asText()).isIn("A", "B");
        assertThat(flatAdded.get("actorId").asText()).isEqualTo(api().platformAdmin().id().toString());
        assertThat(history(society.auditor(), "")).noneMatch(e -> e.get("societyId").asText().equals(other.id().toString()));
        assertThat(events).filteredOn(e -> e.get("eventType").asText().equals("UserRegistered"))
                .allSatisfy(e -> {
                    assertThat(e.get("payload").has("passwordHash")).isFalse(); // secrets never enter an event
                    assertThat(e.get("payload").get("passwordSet").asBoolean()).isTrue();
                });
    }

    @Test
    void theHistoryIsFilteredByAggregateAndTime() {
        var society = api().newSociety();
        await().atMost(Duration.ofSeconds(10)).until(() -> history(society.admin(), "").size() >= 9);
        List<JsonNode> users = history(society.admin(), "?aggregateType=User");
        assertThat(users).isNotEmpty().allSatisfy(e -> assertThat(e.get("aggregateType").asText()).isEqualTo("User"));
        String guardId = society.guard().id().toString();
        assertThat(history(society.admin(), "?aggregateId=" + guardId))
                .singleElement().satisfies(e -> assertThat(e.get("eventType").asText()).isEqualTo("UserRegistered"));
        assertThat(history(society.admin(), "?to=2000-01-01T00:00:00Z")).isEmpty();
        assertThat(history(society.admin(), "?from=" + Instant.now().minusSeconds(3600))).hasSizeGreaterThanOrEqualTo(9);
        api().get(society.admin(), "/admin/audit/events?from=yesterday").exchange().expectStatus().isBadRequest();
        api().get(society.guard(), "/admin/audit/events").exchange().expectStatus().isForbidden();
    }

    @Test
    void anAuditorFollowsTheHistoryAndThenLiveOverRSocket() {
        var society = api().newSociety();
        await().atMost(Duration.ofSeconds(10)).until(() -> history(society.auditor(), "").size() >= 9);
        var requester = live().connect(Live.Transport.TCP, society.auditor());
        StepVerifier.create(requester.route("audit.events").data(Map.of()).retrieveFlux(JsonNode.class))
                .thenConsumeWhile(e -> !e.get("eventType").asText().equals("FlatAdded")
                        || !e.get("payload").get("block").asText().equals("Z"), e -> {
                    if (e.get("eventType").asText().equals("UserRegistered")
                            && e.get("aggregateId").asText().equals(society.auditor().id().toString())) {
                        // the history is through: now something happens live (not on the client's I/O thread)
                        java.util.concurrent.CompletableFuture.runAsync(() -> api().create(society.admin(),
                                "/admin/societies/{id}/flats", Map.of("block", "Z", "number", "9"), society.id()));
                    }
                })
                .thenCancel()
                .verify(Duration.ofSeconds(20));
        requester.dispose();
    }

    @Test
    void anAnalystRebuildsAProjectionAndTheReadModelIsTheSame() {
        var society = api().newSociety();
        Api.User platform = api().platformAdmin();
        JsonNode before = api().read(society.admin(), "/admin/societies/{id}/users?limit=100", society.id());
        JsonNode started = api().post(platform, "/admin/projections/directory/replay", Map.of()).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(started.get("name").asText()).isEqualTo("directory");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = api().read(platform, "/admin/projections/directory");
            return !status.get("replaying").asBoolean() && status.get("progress").asDouble() == 100.0;
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api().read(society.admin(), "/admin/societies/{id}/users?limit=100", society.id()))
                        .isEqualTo(before));
        JsonNode all = api().read(platform, "/admin/projections");
        assertThat(all.get("projections")).extracting(p -> p.get("name").asText()).contains("directory", "audit-index");
        api().post(platform, "/admin/projections/nope/replay", Map.of()).exchange().expectStatus().isNotFound();
        api().post(society.admin(), "/admin/projections/directory/replay", Map.of()).exchange().expectStatus().isForbidden();
    }
}
