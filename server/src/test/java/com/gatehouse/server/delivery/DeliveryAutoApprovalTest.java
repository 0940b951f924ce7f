package com.gatehouse.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Riders let in by what the flat expects or allows, without anyone being asked; on the real server. */
class DeliveryAutoApprovalTest extends IntegrationTest {

    static final Duration LIVE = Duration.ofSeconds(10);

    static Map<String, Object> rider(java.util.UUID flat, String company) {
        return Map.of("type", "DELIVERY", "flatId", flat.toString(), "providerTag", company,
                "visitorName", "Rider", "vehicleNumber", "MH12XY0001", "packageCount", 1);
    }

    @Test
    void twoAmazonRidersAtOnceForAnExpectedDeliveryLetOneInAndAskTheFlatForTheOther() throws Exception {
        var society = api().newSociety();
        String today = LocalDate.now(ZoneId.of("Asia/Kolkata")).toString(); // the society's default zone
        JsonNode expected = api().create(society.residentA1(), "/deliveries/expected",
                Map.of("companyName", "AMAZON", "itemName", "Books", "expectedDate", today));
        assertThat(expected.get("status").asText()).isEqualTo("EXPECTED");
        // another flat's resident cannot cancel it, and does not see it
        api().delete(society.residentB(), "/deliveries/expected/{id}", expected.get("id").asText()).exchange()
                .expectStatus().isNotFound();
        assertThat(api().read(society.residentB(), "/deliveries/expected").get("expectedDeliveries")).isEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<JsonNode> answers = new ArrayList<>();
        try {
            var start = new CountDownLatch(1);
            List<Future<JsonNode>> walkIns = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                walkIns.add(pool.submit(() -> {
                    start.await();
                    return api().post(society.guard(), "/gate/entries", rider(society.flatA(), "AMAZON")).exchange()
                            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
                }));
            }
            start.countDown();
            for (Future<JsonNode> walkIn : walkIns) {
                answers.add(walkIn.get());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode admitted = answers.stream().filter(a -> a.get("autoApproved").asBoolean()).findFirst().orElseThrow();
        JsonNode asked = answers.stream().filter(a -> !a.get("autoApproved").asBoolean()).findFirst().orElseThrow();
        assertThat(admitted.get("autoApprovalReason").asText()).isEqualTo("Expected delivery");
        assertThat(admitted.get("entryRequest").get("status").asText()).isEqualTo("APPROVED");
        assertThat(admitted.get("entryRequest").get("approvedById").isNull()).isTrue();
        assertThat(admitted.get("entry").get("vehicleNumber").asText()).isEqualTo("MH12XY0001");
        assertThat(admitted.get("entry").get("packageCount").asInt()).isEqualTo(1);
        assertThat(asked.get("entryRequest").get("status").asText()).isEqualTo("PENDING");
        assertThat(asked.get("entry").isNull()).isTrue();

        assertThat(api().read(society.residentA1(), "/deliveries/expected?status=CLAIMED").get("expectedDeliveries"))
                .singleElement().satisfies(e -> assertThat(e.get("claimedByRequestId").asText())
                        .isEqualTo(admitted.get("entryRequest").get("id").asText()));
        // the flat was told of the one and asked about the other
        await().atMost(LIVE).untilAsserted(() -> {
            assertThat(api().notifications(society.residentA2(), "VISITOR_ENTERED")).singleElement()
                    .satisfies(n -> assertThat(n.get("message").asText()).contains("expected delivery"));
            assertThat(api().notifications(society.residentA2(), "DELIVERY_REQUEST")).singleElement()
                    .satisfies(n -> assertThat(n.get("referenceId").asText())
                            .isEqualTo(asked.get("entryRequest").get("id").asText()));
        });
    }

    @Test
    void aStandingRuleApprovesAGuardsDeliveryRequestUntilTheFlatPausesIt() {
        var society = sharedSociety();
        JsonNode rule = api().create(society.residentB(), "/deliveries/auto-approve",
                Map.of("companies", List.of("SWIGGY", "ZOMATO")));
        String ruleId = rule.get("id").asText();
        assertThat(rule.get("isActive").asBoolean()).isTrue();
        // the other flat's residents cannot touch it (the seed let anyone toggle any rule)
        api().patch(society.residentA1(), "/deliveries/auto-approve/{id}", Map.of("isActive", false), ruleId).exchange()
                .expectStatus().isNotFound();
        api().delete(society.residentA1(), "/deliveries/auto-approve/{id}", ruleId).exchange().expectStatus().isNotFound();
        assertThat(api().read(society.residentA1(), "/deliveries/auto-approve").get("autoApproveRules")).isEmpty();

        JsonNode approved = api().create(society.guard(), "/gate/requests", rider(society.flatB(), "SWIGGY"));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedById").isNull()).isTrue();
        JsonNode entry = api().read(society.guard(), "/gate/entries/{id}", approved.get("entryId").asText());
        assertThat(entry.get("autoApproved").asBoolean()).isTrue();
        assertThat(entry.get("autoApprovalReason").asText()).isEqualTo("Auto-approve rule");
        // a company the rule does not name, and a visitor, are asked about as usual
        assertThat(api().create(society.guard(), "/gate/requests", rider(society.flatB(), "AMAZON"))
                .get("status").asText()).isEqualTo("PENDING");
        assertThat(api().create(society.guard(), "/gate/entries", Map.of("type", "VISITOR",
                "flatId", society.flatB().toString(), "visitorName", "Cousin")).get("autoApproved").asBoolean()).isFalse();

        JsonNode paused = api().patch(society.residentB(), "/deliveries/auto-approve/{id}", Map.of("isActive", false), ruleId)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(paused.get("isActive").asBoolean()).isFalse();
        assertThat(api().create(society.guard(), "/gate/requests", rider(society.flatB(), "SWIGGY"))
                .get("status").asText()).isEqualTo("PENDING");
        await().atMost(LIVE).untilAsserted(() -> assertThat(api().notifications(society.residentB(), "VISITOR_ENTERED"))
                .anySatisfy(n -> assertThat(n.get("message").asText()).contains("auto-approve rule")));
        assertThat(api().read(society.residentA1(), "/deliveries/companies").get("companies"))
                .extracting(c -> c.get("value").asText()).contains("AMAZON", "SWIGGY");
    }
}
