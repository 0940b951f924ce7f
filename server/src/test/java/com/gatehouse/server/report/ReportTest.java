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

    private static long at(JsonNode node, String path) {
        return node.at(path).asLong();
    }

    /**
     * A society with a known day: two SWIGGY deliveries and one without a company are approved by the flat, a ZOMATO rider is let in
     * by the flat's standing rule, a visitor's request expires unanswered, two complaints are filed and one resolved,
     * an SOS is raised, a move-out pass approved, a notice published. The dashboard, the delivery patterns, the
     * complaints report and the health score say exactly that.
     */
    @Test
    void theDashboardDeliveryPatternsComplaintsAndHealthScoreAddUpAKnownDay() {
        var society = api().newSociety();
        JsonNode empty = api().read(society.admin(), "/admin/reports/dashboard");
        assertThat(at(empty, "/users/totalResidents")).isEqualTo(3);
        assertThat(at(empty, "/users/totalGuards")).isEqualTo(1);
        assertThat(at(empty, "/totalFlats")).isEqualTo(2);
        assertThat(at(empty, "/entries/today") + at(empty, "/complaints/open") + at(empty, "/emergencies/active")
                + at(empty, "/gatePasses/active") + at(empty, "/notices/today")).isZero();
        assertThat(api().read(society.admin(), "/admin/reports/health-score").get("score").asInt()).isEqualTo(100);

        for (String company : new String[]{"SWIGGY", "SWIGGY", null}) {
            var rider = new HashMap<String, Object>(Map.of("type", "DELIVERY", "flatId", society.flatA().toString(),
                    "visitorName", "Rider"));
            if (company != null) {
                rider.put("providerTag", company);
            }
            String request = api().create(society.guard(), "/gate/requests", rider).get("id").asText();
            api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), request).exchange()
                    .expectStatus().isOk();
        }
        api().create(society.residentB(), "/deliveries/auto-approve", Map.of("companies", List.of("ZOMATO")));
        assertThat(api().create(society.guard(), "/gate/requests", Map.of("type", "DELIVERY", "flatId",
                society.flatB().toString(), "visitorName", "Rider", "providerTag", "ZOMATO")).get("status").asText())
                .isEqualTo("APPROVED");
        raise(society, "VISITOR"); // nobody answers: it expires after 2 s in tests
        String water = api().create(society.residentA1(), "/community/complaints", Map.of("category", "WATER",
                "title", "No water", "description", "Since 6 am")).get("id").asText();
        api().create(society.residentB(), "/community/complaints", Map.of("category", "NOISE", "title", "Drilling",
                "description", "At night"));
        api().patch(society.admin(), "/community/complaints/{id}/resolve", Map.of("resolution", "Pump fixed"), water)
                .exchange().expectStatus().isOk();
        api().create(society.residentA1(), "/community/emergencies", Map.of("type", "MEDICAL"));
        String pass = api().create(society.residentA1(), "/gate/passes", Map.of("type", "MOVE_OUT", "title", "Sofa",
                "validUntil", java.time.Instant.now().plus(Duration.ofHours(6)).toString())).get("id").asText();
        api().patch(society.admin(), "/gate/passes/{id}/approve", Map.of(), pass).exchange().expectStatus().isOk();
        api().create(society.admin(), "/community/notices", Map.of("type", "GENERAL", "title", "Water cut",
                "description", "Tomorrow 10-12"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode dashboard = api().read(society.auditor(), "/admin/reports/dashboard");
            assertThat(dashboard.get("date").asText()).isEqualTo(LocalDate.now(INDIA).toString());
            assertThat(at(dashboard, "/entries/today")).as("visitors let in today").isEqualTo(4);
            assertThat(at(dashboard, "/entries/pending")).as("the visitor's request expired").isZero();
            assertThat(at(dashboard, "/complaints/open")).isEqualTo(1);
            assertThat(at(dashboard, "/emergencies/active")).isEqualTo(1);
            assertThat(at(dashboard, "/gatePasses/active")).isEqualTo(1);
            assertThat(at(dashboard, "/notices/today")).isEqualTo(1);
            JsonNode health = api().read(society.admin(), "/admin/reports/health-score");
            // 100 - 20 x 1/2 open complaints - 10 x 1 active emergency - 10 (1 of 5 requests expired unanswered)
            assertThat(health.get("score").asInt()).isEqualTo(70);
            assertThat(health.get("factors")).extracting(f -> f.get("name").asText() + "=" + f.get("penalty").asDouble())
                    .containsExactly("complaints=10.0", "emergencies=10.0", "unansweredRequests=10.0");
        });

        JsonNode deliveries = api().read(society.admin(), "/admin/reports/delivery-patterns");
        assertThat(at(deliveries, "/total")).isEqualTo(4);
        assertThat(at(deliveries, "/byCompany/SWIGGY")).isEqualTo(2);
        assertThat(at(deliveries, "/byCompany/ZOMATO")).isEqualTo(1);
        assertThat(at(deliveries, "/byCompany/OTHER")).isEqualTo(1);
        assertThat(deliveries.get("topCompanies").get(0).get("company").asText()).isEqualTo("SWIGGY");
        assertThat(at(deliveries, "/autoApproved")).isEqualTo(1);
        assertThat(deliveries.get("autoApprovalRate").asDouble()).isEqualTo(25.0);

        JsonNode complaints = api().read(society.admin(), "/admin/reports/complaints");
        assertThat(at(complaints, "/total")).isEqualTo(2);
        assertThat(at(complaints, "/byCategory/WATER")).isEqualTo(1);
        assertThat(at(complaints, "/byCategory/PARKING")).as("every category, zeros included").isZero();
        assertThat(at(complaints, "/byStatus/RESOLVED")).isEqualTo(1);
        assertThat(at(complaints, "/byStatus/OPEN")).isEqualTo(1);
        assertThat(at(complaints, "/resolvedCount")).isEqualTo(1);
        assertThat(complaints.get("avgResolutionHours").asDouble()).isBetween(0.0, 0.1);

        String csv = api().get(society.admin(), "/admin/reports/dashboard").header("Accept", "text/csv").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).contains("metric,value", "entriesToday,4", "openComplaints,1");
        csv = api().get(society.admin(), "/admin/reports/delivery-patterns").header("Accept", "text/csv").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).containsExactly("company,deliveries,autoApproved", "SWIGGY,2,0", "OTHER,1,0",
                "ZOMATO,1,1");

        // another society's admin sees none of it and cannot ask for it; guards and residents may not read reports
        var other = api().newSociety();
        for (String report : List.of("dashboard", "delivery-patterns", "complaints", "health-score")) {
            api().get(other.admin(), "/admin/reports/" + report + "?societyId={id}", society.id()).exchange()
                    .expectStatus().isNotFound();
            api().get(society.guard(), "/admin/reports/" + report).exchange().expectStatus().isForbidden();
            api().get(society.residentA1(), "/admin/reports/" + report).exchange().expectStatus().isForbidden();
        }
        assertThat(at(api().read(other.admin(), "/admin/reports/delivery-patterns"), "/total")).isZero();
        assertThat(at(api().read(api().platformAdmin(), "/admin/reports/dashboard?societyId={id}", society.id()),
                "/entries/today")).isEqualTo(4);
        api().get(society.admin(), "/admin/reports/complaints?from=2026-03-01&to=2025-03-01").exchange()
                .expectStatus().isBadRequest();
    }
}
