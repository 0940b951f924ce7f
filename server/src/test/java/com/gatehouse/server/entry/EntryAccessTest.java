package com.gatehouse.server.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.gatehouse.server.entry.EntryRequestFlowTest.delivery;
import static com.gatehouse.server.entry.EntryRequestFlowTest.id;
import static com.gatehouse.server.entry.EntryRequestFlowTest.visitor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and decide what: a request exists only for its society's guards and admins and its own flat's
 * residents (everyone else gets 404, as if it did not exist); a wrong role gets 403.
 */
class EntryAccessTest extends IntegrationTest {

    private static Api.Society society;
    private static Api.Society other;

    /** One society and a foreign one for the whole class (each test makes its own requests). */
    private Api.Society society() {
        if (society == null) {
            society = api().newSociety();
            other = api().newSociety();
        }
        return society;
    }

    private Api.Society other() {
        society();
        return other;
    }

    @Test
    void residentsOfAnotherFlatOrSocietyCannotSeeOrDecide() throws Exception {
        var society = society();
        var other = other();
        UUID requestId = id(api().create(society.guard(), "/gate/requests", visitor(society.flatA(), "Asha")));

        for (Api.User outsider : new Api.User[]{society.residentB(), other.residentA1()}) {
            api().get(outsider, "/gate/requests/{id}", requestId).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.status").isEqualTo(404);
            api().get(outsider, "/gate/requests/{id}/photo", requestId).exchange().expectStatus().isNotFound();
            api().patch(outsider, "/gate/requests/{id}/approve", Map.of(), requestId).exchange().expectStatus().isNotFound();
            api().patch(outsider, "/gate/requests/{id}/reject", Map.of(), requestId).exchange().expectStatus().isNotFound();
            assertThat(api().read(outsider, "/gate/requests").get("entryRequests").findValuesAsText("id"))
                    .doesNotContain(requestId.toString());
        }
        // a resident cannot list another flat by asking for it
        api().get(society.residentB(), "/gate/requests?flatId={flat}", society.flatA()).exchange().expectStatus().isNotFound();
        // the guard and admin of another society do not see it either
        api().get(other.guard(), "/gate/requests/{id}", requestId).exchange().expectStatus().isNotFound();
        api().get(other.admin(), "/gate/requests/{id}", requestId).exchange().expectStatus().isNotFound();
        assertThat(api().read(other.guard(), "/gate/requests").get("entryRequests").findValuesAsText("id"))
                .doesNotContain(requestId.toString());

        // wrong roles: only guards raise, only residents decide
        api().patch(society.guard(), "/gate/requests/{id}/approve", Map.of(), requestId).exchange().expectStatus().isForbidden();
        api().patch(society.admin(), "/gate/requests/{id}/reject", Map.of(), requestId).exchange().expectStatus().isForbidden();
        api().post(society.residentA1(), "/gate/requests", visitor(society.flatA(), "Me")).exchange().expectStatus().isForbidden();
        api().post(society.admin(), "/gate/requests", visitor(society.flatA(), "Me")).exchange().expectStatus().isForbidden();
        api().get(society.auditor(), "/gate/requests").exchange().expectStatus().isForbidden();

        // what they may do works: the flat's residents and the society's admin see it
        assertThat(api().read(society.residentA2(), "/gate/requests/{id}", requestId).get("status").asText()).isEqualTo("PENDING");
        assertThat(api().read(society.admin(), "/gate/requests?flatId={flat}", society.flatA()).get("entryRequests")
                .findValuesAsText("id")).contains(requestId.toString());
        // none of the refusals changed anything
        assertThat(api().read(society.guard(), "/gate/requests/{id}", requestId).get("status").asText())
                .isIn("PENDING", "EXPIRED");
    }

    @Test
    void theGateLogIsTheSocietysAndEachResidentSeesOnlyTheirFlat() throws Exception {
        var society = society();
        var other = other();
        UUID entryA = admit(society, society.flatA(), society.residentA1());
        UUID entryB = admit(society, society.flatB(), society.residentB());

        assertThat(api().read(society.residentA2(), "/gate/entries").get("entries").findValuesAsText("id"))
                .contains(entryA.toString()).doesNotContain(entryB.toString());
        api().get(society.residentB(), "/gate/entries/{id}", entryA).exchange().expectStatus().isNotFound();
        api().get(society.residentB(), "/gate/entries?flatId={flat}", society.flatA()).exchange().expectStatus().isNotFound();
        api().get(other.guard(), "/gate/entries/{id}", entryA).exchange().expectStatus().isNotFound();
        assertThat(api().read(other.admin(), "/gate/entries").get("entries").findValuesAsText("id"))
                .doesNotContain(entryA.toString(), entryB.toString());
        assertThat(api().read(society.admin(), "/gate/entries").get("entries").findValuesAsText("id"))
                .contains(entryA.toString(), entryB.toString());

        // only the society's guards check out
        api().patch(society.residentA1(), "/gate/entries/{id}/checkout", Map.of(), entryA).exchange().expectStatus().isForbidden();
        api().patch(society.admin(), "/gate/entries/{id}/checkout", Map.of(), entryA).exchange().expectStatus().isForbidden();
        api().patch(other.guard(), "/gate/entries/{id}/checkout", Map.of(), entryA).exchange().expectStatus().isNotFound();
        api().patch(society.guard(), "/gate/entries/{id}/checkout", Map.of(), UUID.randomUUID()).exchange().expectStatus().isNotFound();
        api().patch(society.guard(), "/gate/entries/{id}/checkout", Map.of(), entryB).exchange().expectStatus().isOk();
        api().patch(society.guard(), "/gate/entries/{id}/checkout", Map.of(), entryB).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(api().read(society.guard(), "/gate/entries/{id}", entryA).get("exitedAt").isNull()).isTrue();
    }

    @Test
    void aResidentsFeedCarriesOnlyTheirFlatAndAnotherSocietysGuardSeesNothing() throws Exception {
        var society = society();
        var other = other();
        try (Feed kabir = new Feed(live().connect(Live.Transport.WEBSOCKET, society.residentB()), "gate.requests.stream");
             Feed stranger = new Feed(live().connect(Live.Transport.TCP, other.guard()), "gate.requests.stream");
             Feed strangerLog = new Feed(live().connect(Live.Transport.TCP, other.guard()), "gate.entries.stream")) {
            UUID forA = admitRequest(society, society.flatA(), society.residentA1());
            UUID forB = id(api().create(society.guard(), "/gate/requests", visitor(society.flatB(), "For Kabir")));
            UUID otherMarker = id(api().create(other.guard(), "/gate/requests", visitor(other.flatA(), "Marker")));
            // each feed gets what is meant for it, and by then flat A's request and entry would have come
            kabir.next(frame -> frame.get("id").asText().equals(forB.toString()), Duration.ofSeconds(5));
            stranger.next(frame -> frame.get("id").asText().equals(otherMarker.toString()), Duration.ofSeconds(5));
            api().patch(other.residentA1(), "/gate/requests/{id}/approve", Map.of(), otherMarker).exchange()
                    .expectStatus().isOk();
            strangerLog.next(frame -> frame.get("entryRequestId").asText().equals(otherMarker.toString()),
                    Duration.ofSeconds(5));
            assertThat(kabir.all()).allSatisfy(frame -> assertThat(frame.get("flatId").asText())
                    .isEqualTo(society.flatB().toString()));
            assertThat(stranger.all()).allSatisfy(frame -> assertThat(frame.get("societyId").asText())
                    .isEqualTo(other.id().toString()));
            assertThat(strangerLog.all()).allSatisfy(frame -> assertThat(frame.get("societyId").asText())
                    .isEqualTo(other.id().toString()));
        }
    }

    private UUID admitRequest(Api.Society society, UUID flat, Api.User resident) {
        UUID requestId = id(api().create(society.guard(), "/gate/requests", delivery(flat)));
        api().patch(resident, "/gate/requests/{id}/approve", Map.of(), requestId).exchange().expectStatus().isOk();
        return requestId;
    }

    private UUID admit(Api.Society society, UUID flat, Api.User resident) {
        UUID requestId = id(api().create(society.guard(), "/gate/requests", visitor(flat, "Guest of " + flat)));
        JsonNode approved = api().patch(resident, "/gate/requests/{id}/approve", Map.of(), requestId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return UUID.fromString(approved.get("entryId").asText());
    }
}
