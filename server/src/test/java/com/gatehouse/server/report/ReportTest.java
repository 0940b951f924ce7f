package com.gatehouse.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Society admins and auditors read reports built from rebuildable projections. */
class ReportTest extends IntegrationTest {

    /** A society created without a time zone is in India's. */
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

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
        String today = LocalDate.now(INDIA).toString();
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
        // each decided at once: a request expires 2 s after it is raised in tests
        String approved = raise(society, "DELIVERY");
        api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), approved).exchange().expectStatus().isOk();
        String rejected = raise(society, "DELIVERY");
        api().patch(society.residentA2(), "/gate/requests/{id}/reject", Map.of("reason", "not expected"), rejected)
                .exchange().expectStatus().isOk();
        raise(society, "VISITOR");
        String today = LocalDate.now(INDIA).toString();
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
        // the old system's shape beside the per-day table
        JsonNode period = api().read(society.admin(), "/admin/reports/entries?from={d}&to={d}", today, today);
        assertThat(period.get("total").asLong()).isEqualTo(3);
        assertThat(period.path("byType").path("DELIVERY").asLong()).isEqualTo(2);
        assertThat(period.path("byStatus").path("EXPIRED").asLong()).isEqualTo(1);
        assertThat(period.path("byDate").path(today).asLong()).isEqualTo(3);
        assertThat(period.get("avgPerDay").asDouble()).isEqualTo(3.0);
        // every report downloads as CSV
        var csv = api().get(society.admin(), "/admin/reports/entries?from={d}&to={d}", today, today)
                .header("Accept", "text/csv").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"entries-" + today + "-" + today + ".csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).contains("date,type,status,count,dayTotal,medianSecondsToDecide")
                .anyMatch(line -> line.startsWith(today + ",VISITOR,EXPIRED,1,3,"));
        JsonNode peaks = api().read(society.auditor(), "/admin/reports/peak-hours");
        assertThat(peaks.get("hours")).hasSize(24);
        assertThat(peaks.get("peakHours")).singleElement()
                .satisfies(peak -> assertThat(peak.get("count").asLong()).isEqualTo(1));
        long requests = 0;
        long entries = 0;
        for (JsonNode hour : peaks.get("hours")) {
            requests += hour.get("requests").asLong();
            entries += hour.get("entries").asLong();
        }
        assertThat(requests).isEqualTo(3);
        assertThat(entries).as("only the approved request let someone in").isEqualTo(1);
    }

    @Test
    void daysAndHoursAreTheSocietysOwn() {
        // 25 hours apart: whatever the time, the same moment falls on different dates in these two societies
        var east = api().newSociety("Pacific/Kiritimati");
        var west = api().newSociety("Pacific/Pago_Pago");
        assertThat(api().read(east.admin(), "/admin/societies/{id}", east.id()).get("timeZone").asText())
                .isEqualTo("Pacific/Kiritimati");
        for (var society : List.of(east, west)) {
            ZoneId zone = ZoneId.of(society == east ? "Pacific/Kiritimati" : "Pacific/Pago_Pago");
            ZonedDateTime before = ZonedDateTime.now(zone);
            raise(society, "DELIVERY");
            ZonedDateTime after = ZonedDateTime.now(zone);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode report = api().read(society.admin(), "/admin/reports/entries");
                assertThat(report.get("days")).singleElement().satisfies(day -> assertThat(day.get("date").asText())
                        .isIn(before.toLocalDate().toString(), after.toLocalDate().toString()));
            });
            // a date filter names the society's day
            JsonNode today = api().read(society.admin(), "/admin/reports/entries?from={d}&to={d}",
                    after.toLocalDate(), after.toLocalDate());
            JsonNode yesterday = api().read(society.admin(), "/admin/reports/entries?from={d}&to={d}",
                    after.toLocalDate().minusDays(1), after.toLocalDate().minusDays(1));
            assertThat(today.get("days").size() + yesterday.get("days").size()).isEqualTo(1);
            if (before.toLocalDate().equals(after.toLocalDate())) {
                assertThat(today.get("days")).hasSize(1);
            }
            JsonNode peaks = api().read(society.admin(), "/admin/reports/peak-hours");
            long inTheirHour = java.util.stream.IntStream.of(before.getHour(), after.getHour()).distinct()
                    .mapToLong(hour -> peaks.get("hours").get(hour).get("requests").asLong()).sum();
            assertThat(inTheirHour).as("the request counts in the society's hour of day").isEqualTo(1);
        }
        // a zone that is not a region is refused and creates nothing
        api().post(api().platformAdmin(), "/admin/societies", Map.of("name", "Offset", "city", "Pune", "timeZone", "+05:30"))
                .exchange().expectStatus().isBadRequest();
    }
}
