package com.gatehouse.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Society admins and auditors read reports built from rebuildable projections. */
class ReportTest extends IntegrationTest {

    private UUID registerMaid(Api.User admin, String name, UUID flat) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone", Api.uniquePhone(), "staffType", "MAID"));
        body.put("flatIds", List.of(flat.toString()));
        return UUID.fromString(api().create(admin, "/staff/domestic", body).get("id").asText());
    }

    @Test
    void anAdminSeesDaysPresentAndHoursPerStaffMember() {
        var society = api().newSociety();
        UUID lakshmi = registerMaid(society.admin(), "Lakshmi", society.flatA());
        UUID ramu = registerMaid(society.admin(), "Ramu", society.flatB());
        for (int visit = 0; visit < 2; visit++) {
            api().post(society.guard(), "/staff/domestic/{id}/check-in", Map.of(), lakshmi).exchange().expectStatus().isCreated();
            api().post(society.guard(), "/staff/domestic/{id}/check-out", Map.of("workCompleted", true), lakshmi)
                    .exchange().expectStatus().isOk();
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode report = api().read(society.admin(), "/admin/reports/staff-attendance?from={d}&to={d}", today, today);
            assertThat(report.get("from").asText()).isEqualTo(today);
            assertThat(report.get("staff")).singleElement().satisfies(row -> {
                assertThat(row.get("staffId").asText()).isEqualTo(lakshmi.toString());
                assertThat(row.get("name").asText()).isEqualTo("Lakshmi");
                assertThat(row.get("daysPresent").asLong()).isEqualTo(1);
                assertThat(row.get("visits").asLong()).isEqualTo(2);
                assertThat(row.get("hours").asDouble()).isEqualTo(0.0);
            });
        });
        assertThat(ramu).isNotNull();
        // the auditor of the society may read it; a guard may not; another society's admin gets 404
        api().read(society.auditor(), "/admin/reports/staff-attendance");
        api().get(society.guard(), "/admin/reports/staff-attendance").exchange().expectStatus().isForbidden();
        var other = api().newSociety();
        api().get(other.admin(), "/admin/reports/staff-attendance?societyId={id}", society.id()).exchange()
                .expectStatus().isNotFound();
        assertThat(api().read(other.admin(), "/admin/reports/staff-attendance").get("staff")).isEmpty();
        // the platform operator names the society
        api().get(api().platformAdmin(), "/admin/reports/staff-attendance").exchange().expectStatus().isBadRequest();
        api().read(api().platformAdmin(), "/admin/reports/staff-attendance?societyId={id}", society.id());
        api().get(society.admin(), "/admin/reports/staff-attendance?from=2026-02-30").exchange().expectStatus().isBadRequest();
    }

    private String raise(Api.Society society, String type) {
        return api().create(society.guard(), "/gate/requests",
                Map.of("type", type, "flatId", society.flatA().toString(), "visitorName", "Rider")).get("id").asText();
    }

    @Test
    void anAdminSeesRequestsPerDayByTypeAndStatusWithTheTimeToDecideAndThePeakHours() {
        var society = api().newSociety();
        String approved = raise(society, "DELIVERY");
        String rejected = raise(society, "DELIVERY");
        raise(society, "VISITOR");
        api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), approved).exchange().expectStatus().isOk();
        api().patch(society.residentA2(), "/gate/requests/{id}/reject", Map.of("reason", "not expected"), rejected)
                .exchange().expectStatus().isOk();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode report = api().read(society.admin(), "/admin/reports/entries?from={d}&to={d}", today, today);
            assertThat(report.get("days")).singleElement().satisfies(day -> {
                assertThat(day.get("date").asText()).isEqualTo(today);
                assertThat(day.get("total").asLong()).isEqualTo(3);
                assertThat(day.path("counts").path("DELIVERY").path("APPROVED").asLong()).isEqualTo(1);
                assertThat(day.path("counts").path("DELIVERY").path("REJECTED").asLong()).isEqualTo(1);
                // the visitor nobody answered expires after 2 s in tests
                assertThat(day.path("counts").path("VISITOR").path("EXPIRED").asLong()).isEqualTo(1);
                assertThat(day.get("medianSecondsToDecide").asDouble()).isBetween(0.0, 60.0);
            });
        });
        JsonNode peaks = api().read(society.auditor(), "/admin/reports/peak-hours");
        assertThat(peaks.get("hours")).hasSize(24);
        long requests = 0;
        long entries = 0;
        for (JsonNode hour : peaks.get("hours")) {
            requests += hour.get("requests").asLong();
            entries += hour.get("entries").asLong();
        }
        assertThat(requests).isEqualTo(3);
        assertThat(entries).as("only the approved request let someone in").isEqualTo(1);
    }
}
