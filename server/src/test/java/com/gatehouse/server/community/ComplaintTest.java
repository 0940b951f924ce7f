package com.gatehouse.server.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A complaint's life on the real stack: anonymity, the reporter's rights, admins' moves, other societies. */
class ComplaintTest extends IntegrationTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};

    private JsonNode file(Api.User reporter, Map<String, Object> extra) {
        var body = new HashMap<String, Object>(Map.of("category", "WATER", "title", "No water since morning",
                "description", "Tower A has had no water since 6 am"));
        body.putAll(extra);
        return api().create(reporter, "/community/complaints", body);
    }

    private static String id(JsonNode node) {
        return node.get("id").asText();
    }

    @Test
    void anAnonymousComplaintHidesItsReporterFromAdminsButNotFromTheReporter() {
        var society = api().newSociety();
        var priya = society.residentA1();
        String photo = api().upload(priya, "COMPLAINT_IMAGE", "leak.png", "image/png", PNG).get("id").asText();
        JsonNode filed = file(priya, Map.of("isAnonymous", true, "priority", "HIGH", "images", List.of(photo),
                "location", "Tower A basement"));
        assertThat(filed.get("reportedById").asText()).isEqualTo(priya.id().toString());
        assertThat(filed.get("isAnonymous").asBoolean()).isTrue();
        assertThat(filed.get("images").get(0).asText()).isEqualTo(photo);

        JsonNode seenByAdmin = api().read(society.admin(), "/community/complaints/{id}", id(filed));
        assertThat(seenByAdmin.get("reportedById").isNull()).isTrue();
        assertThat(seenByAdmin.get("flatId").isNull()).isTrue();
        assertThat(seenByAdmin.get("title").asText()).isEqualTo("No water since morning");
        JsonNode adminList = api().read(society.admin(), "/community/complaints");
        assertThat(adminList.get("complaints")).hasSize(1);
        assertThat(adminList.get("complaints").get(0).get("reportedById").isNull()).isTrue();
        assertThat(api().read(society.auditor(), "/community/complaints/{id}", id(filed)).get("reportedById").isNull())
                .isTrue();
        assertThat(api().read(priya, "/community/complaints/{id}", id(filed)).get("reportedById").asText())
                .isEqualTo(priya.id().toString());

        // the admins are told, without a word about who filed it
        await().atMost(Duration.ofSeconds(10)).until(() -> !api().notifications(society.admin(), "SYSTEM").isEmpty());
        JsonNode told = api().notifications(society.admin(), "SYSTEM").get(0);
        assertThat(told.get("referenceType").asText()).isEqualTo("Complaint");
        assertThat(told.toString()).doesNotContain(priya.id().toString()).doesNotContain(society.flatA().toString());

        // a neighbour of the same flat sees nothing of it
        api().get(society.residentA2(), "/community/complaints/{id}", id(filed)).exchange().expectStatus().isNotFound();
        assertThat(api().read(society.residentA2(), "/community/complaints").get("complaints")).isEmpty();
        // a named complaint shows its reporter to the admin
        JsonNode named = file(society.residentB(), Map.of());
        assertThat(api().read(society.admin(), "/community/complaints/{id}", id(named)).get("reportedById").asText())
                .isEqualTo(society.residentB().id().toString());
    }

    @Test
    void aComplaintIsAssignedResolvedReopenedAndClosedAndTheReporterHearsOfEachChange() {
        var society = sharedSociety();
        var priya = api().newUser(society.admin(), society.id(), "RESIDENT", society.flatA());
        String complaint = id(file(priya, Map.of()));

        JsonNode assigned = api().patch(society.admin(), "/community/complaints/{id}/assign",
                        Map.of("assignedToId", society.guard().id().toString()), complaint)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(assigned.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(assigned.get("assignedToId").asText()).isEqualTo(society.guard().id().toString());
        // the guard sees what is assigned to them
        assertThat(api().read(society.guard(), "/community/complaints/{id}", complaint).get("status").asText())
                .isEqualTo("IN_PROGRESS");
        // the reporter cannot withdraw it any more
        api().delete(priya, "/community/complaints/{id}", complaint).exchange().expectStatus().isEqualTo(409);

        JsonNode resolved = api().patch(society.admin(), "/community/complaints/{id}/resolve",
                        Map.of("resolution", "Valve replaced"), complaint)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolution").asText()).isEqualTo("Valve replaced");

        // another resident cannot reopen it; the reporter can
        api().patch(society.residentA2(), "/community/complaints/{id}/reopen", Map.of(), complaint)
                .exchange().expectStatus().isNotFound();
        JsonNode reopened = api().patch(priya, "/community/complaints/{id}/reopen", Map.of("reason", "Leaking again"),
                complaint).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);

        api().patch(society.admin(), "/community/complaints/{id}/status", Map.of("status", "RESOLVED",
                "resolution", "Pipe replaced"), complaint).exchange().expectStatus().isOk();
        api().patch(society.admin(), "/community/complaints/{id}/status", Map.of("status", "CLOSED"), complaint)
                .exchange().expectStatus().isOk();
        api().patch(priya, "/community/complaints/{id}/reopen", Map.of(), complaint)
                .exchange().expectStatus().isEqualTo(409);
        api().patch(society.admin(), "/community/complaints/{id}/status", Map.of("status", "IN_PROGRESS"), complaint)
                .exchange().expectStatus().isEqualTo(409);

        // assigned, resolved, resolved, closed: four changes by the society, four notifications to the reporter
        await().atMost(Duration.ofSeconds(10)).until(() -> api().notifications(priya, "SYSTEM").size() == 4);
        assertThat(api().notifications(priya, "SYSTEM")).allSatisfy(n -> {
            assertThat(n.get("referenceId").asText()).isEqualTo(complaint);
            assertThat(n.get("referenceType").asText()).isEqualTo("Complaint");
        });
        assertThat(api().notifications(priya, "SYSTEM").get(0).get("data").get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void theReporterWithdrawsAnOpenComplaintAndAdminsRejectWithAReason() {
        var society = sharedSociety();
        var priya = api().newUser(society.admin(), society.id(), "RESIDENT", society.flatA());
        String first = id(file(priya, Map.of()));
        api().delete(society.residentA2(), "/community/complaints/{id}", first).exchange().expectStatus().isNotFound();
        api().delete(priya, "/community/complaints/{id}", first).exchange().expectStatus().isNoContent();
        assertThat(api().read(priya, "/community/complaints/{id}", first).get("status").asText()).isEqualTo("WITHDRAWN");

        String second = id(file(priya, Map.of("category", "NOISE")));
        api().patch(society.admin(), "/community/complaints/{id}/status", Map.of("status", "REJECTED"), second)
                .exchange().expectStatus().isBadRequest();
        JsonNode rejected = api().patch(society.admin(), "/community/complaints/{id}/status",
                        Map.of("status", "REJECTED", "reason", "Festival week: allowed"), second)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("Festival week: allowed");
        assertThat(api().read(priya, "/community/complaints?status=REJECTED").get("complaints")).hasSize(1);
        // residents cannot move complaints along
        api().patch(priya, "/community/complaints/{id}/resolve", Map.of("resolution", "done"), second)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anotherSocietysComplaintsAreNotFoundAndItsUsersAndImagesCannotBeUsed() {
        var a = api().newSociety();
        var b = sharedSociety();
        String complaint = id(file(a.residentA1(), Map.of()));
        String mine = id(file(b.residentA1(), Map.of()));

        assertThat(api().read(b.admin(), "/community/complaints").get("complaints").findValuesAsText("id"))
                .doesNotContain(complaint).contains(mine);
        api().get(b.admin(), "/community/complaints/{id}", complaint).exchange().expectStatus().isNotFound();
        api().get(b.auditor(), "/community/complaints/{id}", complaint).exchange().expectStatus().isNotFound();
        api().patch(b.admin(), "/community/complaints/{id}/assign", Map.of("assignedToId", b.guard().id().toString()),
                complaint).exchange().expectStatus().isNotFound();
        api().patch(b.admin(), "/community/complaints/{id}/resolve", Map.of("resolution", "x"), complaint)
                .exchange().expectStatus().isNotFound();
        api().delete(b.residentA1(), "/community/complaints/{id}", complaint).exchange().expectStatus().isNotFound();
        // A's admin cannot give A's complaint to B's guard
        api().patch(a.admin(), "/community/complaints/{id}/assign", Map.of("assignedToId", b.guard().id().toString()),
                complaint).exchange().expectStatus().isBadRequest();
        // B's image cannot be attached in A; six images are too many
        String bPhoto = api().upload(b.residentA1(), "COMPLAINT_IMAGE", "b.png", "image/png", PNG).get("id").asText();
        api().post(a.residentA1(), "/community/complaints", Map.of("category", "OTHER", "title", "t",
                "description", "d", "images", List.of(bPhoto))).exchange().expectStatus().isBadRequest();
        List<String> six = java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(6).toList();
        api().post(a.residentA1(), "/community/complaints", Map.of("category", "OTHER", "title", "t",
                "description", "d", "images", six)).exchange().expectStatus().isBadRequest();
    }
}
