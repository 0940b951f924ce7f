package com.gatehouse.server.gatepass;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

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

/** A move-out pass asked for, decided, and let through the gate exactly once; on the real server. */
class GatePassTest extends IntegrationTest {

    static final Duration LIVE = Duration.ofSeconds(10);

    static Map<String, Object> moveOut() {
        return new HashMap<>(Map.of("type", "MOVE_OUT", "title", "Sofa and two chairs out",
                "validUntil", Instant.now().plus(Duration.ofHours(6)).toString(),
                "vehicleNumber", "MH12AB1234", "driverName", "Raju", "companyName", "Quick Packers",
                "itemsList", List.of("Sofa", "Two chairs")));
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }

    @Test
    void aMoveOutPassIsApprovedAndTenGuardsScanningItAtOnceLetItThroughOnce() throws Exception {
        var society = api().newSociety();
        JsonNode pass = api().create(society.residentA1(), "/gate/passes", moveOut());
        UUID passId = id(pass);
        assertThat(pass.get("status").asText()).isEqualTo("PENDING");
        assertThat(pass.get("itemsList")).extracting(JsonNode::asText).containsExactly("Sofa", "Two chairs");
        assertThat(pass.get("flatId").asText()).isEqualTo(society.flatA().toString());
        api().get(society.residentA1(), "/gate/passes/{id}/qr", passId).exchange().expectStatus().isEqualTo(409);

        JsonNode approved = api().patch(society.admin(), "/gate/passes/{id}/approve", Map.of(), passId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedById").asText()).isEqualTo(society.admin().id().toString());
        api().patch(society.admin(), "/gate/passes/{id}/approve", Map.of(), passId).exchange().expectStatus().isEqualTo(409);
        await().atMost(LIVE).untilAsserted(() -> assertThat(api().notifications(society.residentA1(), "GATE_PASS_DECISION"))
                .singleElement().satisfies(n -> assertThat(n.get("title").asText()).isEqualTo("Gate pass approved")));
        assertThat(api().notifications(society.residentA2(), "GATE_PASS_DECISION")).isEmpty();

        String qrToken = api().read(society.residentA1(), "/gate/passes/{id}/qr", passId).get("qrToken").asText();
        byte[] png = api().get(society.residentA1(), "/gate/passes/{id}/qr", passId).accept(MediaType.IMAGE_PNG)
                .exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            var start = new CountDownLatch(1);
            List<Future<Integer>> scans = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                scans.add(pool.submit(() -> {
                    start.await();
                    return api().post(society.guard(), "/gate/passes/scan", Map.of("qrToken", qrToken)).exchange()
                            .returnResult(JsonNode.class).getStatus().value();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> scan : scans) {
                statuses.add(scan.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
        JsonNode used = api().read(society.guard(), "/gate/passes/{id}", passId);
        assertThat(used.get("status").asText()).isEqualTo("USED");
        assertThat(used.get("isUsed").asBoolean()).isTrue();
        assertThat(used.get("usedByGuardId").asText()).isEqualTo(society.guard().id().toString());
        assertThat(api().post(society.guard(), "/gate/passes/scan", Map.of("qrToken", qrToken)).exchange()
                .expectStatus().isEqualTo(409).expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("detail").asText()).contains("already been used");
        api().delete(society.residentA1(), "/gate/passes/{id}", passId).exchange().expectStatus().isEqualTo(409);

        // lists: the flat sees its own, the other flat nothing, admins and guards filter the society's
        assertThat(api().read(society.residentA2(), "/gate/passes").get("gatePasses")).hasSize(1);
        assertThat(api().read(society.residentB(), "/gate/passes").get("gatePasses")).isEmpty();
        assertThat(api().read(society.admin(), "/gate/passes?status=USED&type=MOVE_OUT").get("gatePasses")).hasSize(1);
        assertThat(api().read(society.guard(), "/gate/passes?status=APPROVED").get("gatePasses")).isEmpty();
    }

    @Test
    void aRejectedPassSaysWhyAndOtherSocietiesAndFlatsFindNothing() {
        var society = sharedSociety();
        var other = api().newSociety();
        UUID passId = id(api().create(society.residentA1(), "/gate/passes", moveOut()));
        api().get(society.residentB(), "/gate/passes/{id}", passId).exchange().expectStatus().isNotFound();
        api().delete(society.residentB(), "/gate/passes/{id}", passId).exchange().expectStatus().isNotFound();
        api().get(other.admin(), "/gate/passes/{id}", passId).exchange().expectStatus().isNotFound();
        api().patch(other.admin(), "/gate/passes/{id}/approve", Map.of(), passId).exchange().expectStatus().isNotFound();
        api().patch(society.residentA1(), "/gate/passes/{id}/approve", Map.of(), passId).exchange().expectStatus().isForbidden();
        // attachments must be uploads of the society
        var withForeignAttachment = moveOut();
        withForeignAttachment.put("attachments", List.of(UUID.randomUUID().toString()));
        api().post(society.residentA1(), "/gate/passes", withForeignAttachment).exchange().expectStatus().isBadRequest();

        JsonNode rejected = api().patch(society.admin(), "/gate/passes/{id}/reject", Map.of("reason", "No moves after 8 pm"),
                passId).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("No moves after 8 pm");
        await().atMost(LIVE).untilAsserted(() -> assertThat(api().notifications(society.residentA1(), "GATE_PASS_DECISION"))
                .anySatisfy(n -> assertThat(n.get("message").asText()).contains("No moves after 8 pm")));
        api().get(society.residentA1(), "/gate/passes/{id}/qr", passId).exchange().expectStatus().isEqualTo(409);

        // an approved pass of another society: its guards' scan is 404; a forged token 400
        UUID foreign = id(api().create(other.residentA1(), "/gate/passes", moveOut()));
        api().patch(other.admin(), "/gate/passes/{id}/approve", Map.of(), foreign).exchange().expectStatus().isOk();
        String foreignToken = api().read(other.residentA1(), "/gate/passes/{id}/qr", foreign).get("qrToken").asText();
        api().post(society.guard(), "/gate/passes/scan", Map.of("qrToken", foreignToken)).exchange().expectStatus().isNotFound();
        api().post(other.guard(), "/gate/passes/scan", Map.of("qrToken", foreignToken + "x")).exchange().expectStatus().isBadRequest();
        // a pre-approval's QR is not a gate pass
        String preApprovalToken = api().create(other.residentA1(), "/gate/preapprovals", Map.of("visitorName", "Asha",
                "visitorPhone", "9876543210", "visitorType", "GUEST",
                "validUntil", Instant.now().plus(Duration.ofHours(1)).toString())).get("qrToken").asText();
        api().post(other.guard(), "/gate/passes/scan", Map.of("qrToken", preApprovalToken)).exchange().expectStatus().isBadRequest();
        api().post(other.guard(), "/gate/preapprovals/scan", Map.of("qrToken", foreignToken)).exchange().expectStatus().isBadRequest();
    }

    @Test
    void theGateSeesTodaysPassesAndPreApprovalsFirstThenTheirChangesLive() throws Exception {
        var society = api().newSociety();
        UUID approvedPass = id(api().create(society.residentA1(), "/gate/passes", moveOut()));
        api().patch(society.admin(), "/gate/passes/{id}/approve", Map.of(), approvedPass).exchange().expectStatus().isOk();
        UUID pendingPass = id(api().create(society.residentA1(), "/gate/passes", moveOut()));
        String guest = api().create(society.residentB(), "/gate/preapprovals", Map.of("visitorName", "Meena",
                "visitorPhone", "9876543210", "visitorType", "GUEST",
                "validUntil", Instant.now().plus(Duration.ofHours(1)).toString())).get("preApproval").get("id").asText();
        try (var gate = new com.gatehouse.server.entry.Feed(
                live().connect(com.gatehouse.server.support.Live.Transport.TCP, society.guard()), "gate.passes.stream")) {
            // state: the approved pass and the guest of today; the pending pass is not expected yet
            gate.next(com.gatehouse.server.entry.Feed.id(approvedPass, "kind", "GATE_PASS"), LIVE);
            gate.next(com.gatehouse.server.entry.Feed.id(guest, "kind", "PRE_APPROVAL"), LIVE);
            // then the changes: the pending pass approved
            api().patch(society.admin(), "/gate/passes/{id}/approve", Map.of(), pendingPass).exchange().expectStatus().isOk();
            gate.next(com.gatehouse.server.entry.Feed.id(pendingPass, "status", "APPROVED"), LIVE);
            assertThat(gate.all()).noneMatch(frame -> frame.path("id").asText().equals(pendingPass.toString())
                    && frame.path("status").asText().equals("PENDING"));
        }
        api().get(society.residentA1(), "/gate/passes/{id}", approvedPass).exchange().expectStatus().isOk();
    }
}
