package com.gatehouse.server.preapproval;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.entry.Feed;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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

/** Residents pre-approve guests; guards admit them by code or QR, exactly as often as allowed; on the real server. */
class PreApprovalTest extends IntegrationTest {

    static final Duration LIVE = Duration.ofSeconds(10);

    static Map<String, Object> guest(String name, int maxUses) {
        return new HashMap<>(Map.of("visitorName", name, "visitorPhone", "9876543210", "visitorType", "GUEST",
                "purpose", "Dinner", "validUntil", Instant.now().plus(Duration.ofHours(4)).toString(),
                "maxUses", maxUses));
    }

    JsonNode preApprove(Api.User resident, Map<String, Object> body) {
        return api().create(resident, "/gate/preapprovals", body);
    }

    JsonNode scan(Api.User guard, Map<String, Object> body, int status) {
        return api().post(guard, "/gate/preapprovals/scan", body).exchange().expectStatus().isEqualTo(status)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }

    @Test
    void twoGuestsComeInByCodeAndByQrAndAThirdScanIsRefused() throws Exception {
        var society = api().newSociety();
        JsonNode created = preApprove(society.residentA1(), guest("Asha", 2));
        JsonNode preApproval = created.get("preApproval");
        UUID preApprovalId = id(preApproval);
        String code = created.get("code").asText();
        String qrToken = created.get("qrToken").asText();
        assertThat(code).matches("[0-9]{6}");
        assertThat(preApproval.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(preApproval.get("maxUses").asInt()).isEqualTo(2);
        assertThat(preApproval.get("remainingUses").asInt()).isEqualTo(2);
        assertThat(preApproval.get("flatId").asText()).isEqualTo(society.flatA().toString());
        // the flat's other resident sees it; the QR answers the same token, also as a PNG
        assertThat(api().read(society.residentA2(), "/gate/preapprovals").get("preApprovals"))
                .extracting(p -> p.get("id").asText()).containsExactly(preApprovalId.toString());
        assertThat(api().read(society.residentA2(), "/gate/preapprovals/{id}/qr", preApprovalId).get("qrToken").asText())
                .isEqualTo(qrToken);
        byte[] png = api().get(society.residentA1(), "/gate/preapprovals/{id}/qr", preApprovalId)
                .accept(MediaType.IMAGE_PNG).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        try (Feed gate = new Feed(live().connect(Live.Transport.WEBSOCKET, society.guard()), "gate.entries.stream")) {
            // the first guest reads out the code
            JsonNode first = scan(society.guard(), Map.of("code", code), 200);
            assertThat(first.get("preApproval").get("usedCount").asInt()).isEqualTo(1);
            assertThat(first.get("preApproval").get("remainingUses").asInt()).isEqualTo(1);
            JsonNode entry = first.get("entry");
            assertThat(entry.get("preApprovalId").asText()).isEqualTo(preApprovalId.toString());
            assertThat(entry.get("autoApproved").asBoolean()).isTrue();
            assertThat(entry.get("autoApprovalReason").asText()).isEqualTo("Pre-approved by resident");
            assertThat(entry.get("entryRequestId").isNull()).isTrue();
            assertThat(entry.get("visitorName").asText()).isEqualTo("Asha");
            assertThat(entry.get("flatId").asText()).isEqualTo(society.flatA().toString());
            gate.next(Feed.id(entry.get("id").asText(), "preApprovalId", preApprovalId.toString()), LIVE);

            // the second shows the QR
            JsonNode second = scan(society.guard(), Map.of("qrToken", qrToken), 200);
            assertThat(second.get("preApproval").get("usedCount").asInt()).isEqualTo(2);
            assertThat(second.get("preApproval").get("status").asText()).isEqualTo("USED");
            gate.next(Feed.id(second.get("entry").get("id").asText(), "autoApproved", "true"), LIVE);
        }
        // a third, by QR or by code, is refused and admits nobody
        assertThat(scan(society.guard(), Map.of("qrToken", qrToken), 409).get("detail").asText()).contains("maximum uses");
        assertThat(scan(society.guard(), Map.of("code", code), 409).get("detail").asText()).contains("maximum uses");
        assertThat(api().read(society.guard(), "/gate/entries").get("entries")).hasSize(2);

        // both residents of the flat heard of each guest; the other flat heard nothing
        await().atMost(LIVE).untilAsserted(() -> {
            assertThat(api().notifications(society.residentA1(), "VISITOR_ENTERED")).hasSize(2)
                    .allSatisfy(n -> assertThat(n.get("message").asText()).startsWith("Your guest Asha has entered"));
            assertThat(api().notifications(society.residentA2(), "VISITOR_ENTERED")).hasSize(2);
        });
        assertThat(api().notifications(society.residentB(), "VISITOR_ENTERED")).isEmpty();
    }

    @Test
    void tenGuardsScanningAMaxUsesThreePreApprovalAtOnceAdmitExactlyThree() throws Exception {
        var society = api().newSociety();
        JsonNode created = preApprove(society.residentA1(), guest("Party", 3));
        String qrToken = created.get("qrToken").asText();
        List<Api.User> guards = new ArrayList<>(List.of(society.guard()));
        for (int i = 1; i < 10; i++) {
            guards.add(api().newUser(society.admin(), society.id(), "GUARD", null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            var start = new CountDownLatch(1);
            List<Future<Integer>> scans = new ArrayList<>();
            for (Api.User guard : guards) {
                scans.add(pool.submit(() -> {
                    start.await();
                    return api().post(guard, "/gate/preapprovals/scan", Map.of("qrToken", qrToken)).exchange()
                            .returnResult(JsonNode.class).getStatus().value();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> scan : scans) {
                statuses.add(scan.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        JsonNode after = api().read(society.residentA1(), "/gate/preapprovals/{id}", id(created.get("preApproval")));
        assertThat(after.get("usedCount").asInt()).isEqualTo(3);
        assertThat(after.get("status").asText()).isEqualTo("USED");
        // exactly three entries: no orphan entry for any losing scan
        await().atMost(LIVE).untilAsserted(() ->
                assertThat(api().read(society.admin(), "/gate/entries?limit=100").get("entries")).hasSize(3));
        Thread.sleep(300); // a late orphan, if there were one, would be projected by now
        assertThat(api().read(society.admin(), "/gate/entries?limit=100").get("entries")).hasSize(3)
                .allSatisfy(e -> assertThat(e.get("preApprovalId").asText())
                        .isEqualTo(created.get("preApproval").get("id").asText()));
    }

    @Test
    void refusalsSayWhy() {
        var society = sharedSociety();
        var other = api().newSociety();
        // not valid yet
        var later = guest("Later", 1);
        later.put("validFrom", Instant.now().plus(Duration.ofHours(1)).toString());
        JsonNode notYet = preApprove(society.residentA1(), later);
        assertThat(scan(society.guard(), Map.of("qrToken", notYet.get("qrToken").asText()), 409).get("detail").asText())
                .contains("not valid yet");
        // cancelled: by a resident of the flat only; then refused
        UUID cancelledId = id(notYet.get("preApproval"));
        api().delete(society.residentB(), "/gate/preapprovals/{id}", cancelledId).exchange().expectStatus().isNotFound();
        api().delete(society.residentA2(), "/gate/preapprovals/{id}", cancelledId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(scan(society.guard(), Map.of("qrToken", notYet.get("qrToken").asText()), 409).get("detail").asText())
                .contains("cancelled");
        api().delete(society.residentA2(), "/gate/preapprovals/{id}", cancelledId).exchange().expectStatus().isEqualTo(409);

        JsonNode created = preApprove(society.residentA1(), guest("Kiran", 1));
        UUID preApprovalId = id(created.get("preApproval"));
        String token = created.get("qrToken").asText();
        // another flat's resident and another society find nothing
        api().get(society.residentB(), "/gate/preapprovals/{id}", preApprovalId).exchange().expectStatus().isNotFound();
        api().get(society.residentB(), "/gate/preapprovals/{id}/qr", preApprovalId).exchange().expectStatus().isNotFound();
        api().get(other.admin(), "/gate/preapprovals/{id}", preApprovalId).exchange().expectStatus().isNotFound();
        assertThat(api().read(society.residentB(), "/gate/preapprovals").get("preApprovals")).isEmpty();
        scan(other.guard(), Map.of("qrToken", token), 404);
        scan(other.guard(), Map.of("code", created.get("code").asText()), 404);
        // forged, altered or another kind of token: 400; neither qrToken nor code, or both: 400
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("gatehouse:pre-approval", "gatehouse:gate-pass").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        scan(society.guard(), Map.of("qrToken", altered), 400);
        scan(society.guard(), Map.of("qrToken", parts[0] + "." + parts[1] + "." + parts[2].substring(3) + "abc"), 400);
        scan(society.guard(), Map.of("qrToken", society.guard().token()), 400);
        scan(society.guard(), Map.of(), 400);
        scan(society.guard(), Map.of("qrToken", token, "code", created.get("code").asText()), 400);
        // only guards scan; a pre-approval token is no access token
        scan(society.residentA1(), Map.of("qrToken", token), 403);
        api().client().get().uri("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
        // and after all that, it still admits its one guest
        scan(society.guard(), Map.of("qrToken", token), 200);
    }
}
