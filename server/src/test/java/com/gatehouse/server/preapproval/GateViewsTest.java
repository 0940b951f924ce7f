package com.gatehouse.server.preapproval;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The small views of the gate: the guard's pending count, today's gate, visitor frequency; on the real server. */
class GateViewsTest extends IntegrationTest {

    @Test
    void aGuestWhoCameThreeTimesIsFrequentAndTodaysGateCountsEveryone() {
        var society = api().newSociety();
        JsonNode created = api().create(society.residentA1(), "/gate/preapprovals", Map.of("visitorName", "Asha",
                "visitorPhone", "9876500001", "visitorType", "FRIEND", "maxUses", 3,
                "validUntil", Instant.now().plus(Duration.ofHours(2)).toString()));
        for (int i = 0; i < 3; i++) {
            api().post(society.guard(), "/gate/preapprovals/scan", Map.of("code", created.get("code").asText()))
                    .exchange().expectStatus().isOk();
        }
        api().create(society.guard(), "/gate/requests", Map.of("type", "VISITOR", "flatId", society.flatB().toString(),
                "visitorName", "Kiran", "visitorPhone", "9876500002"));
        assertThat(api().read(society.guard(), "/gate/requests/pending-count").get("pendingCount").asLong()).isEqualTo(1);
        api().get(society.residentA1(), "/gate/requests/pending-count").exchange().expectStatus().isForbidden();

        JsonNode today = api().read(society.guard(), "/gate/entries/today");
        assertThat(today.get("timeZone").asText()).isEqualTo("Asia/Kolkata");
        assertThat(today.get("entries")).hasSize(3);
        assertThat(today.get("counts").get("total").asLong()).isEqualTo(3);
        assertThat(today.get("counts").get("inside").asLong()).isEqualTo(3);
        assertThat(today.get("counts").get("preApproved").asLong()).isEqualTo(3);
        assertThat(today.get("counts").get("byType").get("VISITOR").asLong()).isEqualTo(3);
        assertThat(today.get("requests").get("PENDING").asLong()).isEqualTo(1);
        // each entry says how often this visitor came to the flat in the 30 days up to it: the third visit is frequent
        assertThat(today.get("entries")).extracting(e -> e.get("recentVisits").asLong() + ":" + e.get("frequentVisitor").asBoolean())
                .containsExactlyInAnyOrder("1:false", "2:false", "3:true");
        JsonNode latest = api().read(society.residentA1(), "/gate/entries?limit=1").get("entries").get(0);
        assertThat(latest.get("recentVisits").asLong()).isEqualTo(3);
        assertThat(latest.get("frequentVisitor").asBoolean()).isTrue();

        JsonNode visitors = api().read(society.admin(), "/admin/reports/visitor-frequency").get("visitors");
        assertThat(visitors).singleElement().satisfies(v -> {
            assertThat(v.get("visitorPhone").asText()).isEqualTo("9876500001");
            assertThat(v.get("flatId").asText()).isEqualTo(society.flatA().toString());
            assertThat(v.get("visitCount").asLong()).isEqualTo(3);
            assertThat(v.get("isFrequent").asBoolean()).isTrue();
        });
    }
}
