package com.gatehouse.server.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The platform administers societies: details, time zone, the active flag, figures; admins add blocks in bulk. */
class SocietyAdminTest extends IntegrationTest {

    @Test
    void thePlatformAdminUpdatesASocietyAndListsSocietiesWithTheirCounts() {
        var s = api().newSociety();
        Api.User platform = api().platformAdmin();
        String name = "Palm Grove " + UUID.randomUUID();
        var body = new HashMap<String, Object>(Map.of("name", name, "address", "12 MG Road", "state", "Maharashtra",
                "pincode", "411001", "contactName", "Secretary", "contactPhone", "02012345678",
                "contactEmail", "office@palm.example", "timeZone", "Asia/Dubai"));
        JsonNode updated = api().patch(platform, "/admin/societies/{id}", body, s.id()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(updated.get("name").asText()).isEqualTo(name);
        assertThat(updated.get("city").asText()).as("left out: unchanged").isEqualTo("Pune");
        assertThat(updated.get("address").asText()).isEqualTo("12 MG Road");
        assertThat(updated.get("contactEmail").asText()).isEqualTo("office@palm.example");
        assertThat(updated.get("timeZone").asText()).isEqualTo("Asia/Dubai");
        assertThat(updated.get("active").asBoolean()).isTrue();
        // an empty text clears an optional field
        JsonNode cleared = api().patch(platform, "/admin/societies/{id}", Map.of("address", ""), s.id()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(cleared.get("address").isNull()).isTrue();
        assertThat(cleared.get("pincode").asText()).isEqualTo("411001");

        api().patch(platform, "/admin/societies/{id}", Map.of("pincode", "41"), s.id()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.pincode").exists();
        api().patch(platform, "/admin/societies/{id}", Map.of("timeZone", "+05:30"), s.id()).exchange()
                .expectStatus().isBadRequest();
        api().patch(platform, "/admin/societies/{id}", Map.of("name", " "), s.id()).exchange()
                .expectStatus().isBadRequest();
        api().patch(s.admin(), "/admin/societies/{id}", Map.of("city", "Mumbai"), s.id()).exchange()
                .expectStatus().isForbidden();
        api().patch(platform, "/admin/societies/{id}", Map.of("city", "Mumbai"), UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();

        JsonNode listed = api().read(platform, "/admin/societies?search={q}", name);
        assertThat(listed.get("societies")).hasSize(1);
        JsonNode row = listed.get("societies").get(0);
        assertThat(row.get("id").asText()).isEqualTo(s.id().toString());
        assertThat(row.get("totalFlats").asLong()).isEqualTo(2);
        assertThat(row.get("totalResidents").asLong()).isEqualTo(3);
        assertThat(row.get("totalGuards").asLong()).isEqualTo(1);
        assertThat(row.get("totalUsers").asLong()).as("admin, guard, 3 residents, auditor").isEqualTo(6);
        assertThat(api().read(platform, "/admin/societies?search={q}&active=false", name).get("societies")).isEmpty();
        api().get(s.admin(), "/admin/societies").exchange().expectStatus().isForbidden();
    }

    @Test
    void theMembersOfAnInactiveSocietyAreRefusedUntilItIsReactivated() {
        var s = api().newSociety();
        var other = api().newSociety();
        Api.User platform = api().platformAdmin();
        String name = api().read(platform, "/admin/societies/{id}", s.id()).get("name").asText();
        Api.User applicant = PhoneSignIn.signIn(api(), Api.uniquePhone(), "Asha");

        JsonNode off = api().patch(platform, "/admin/societies/{id}", Map.of("active", false), s.id()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(off.get("active").asBoolean()).isFalse();
        for (Api.User member : List.of(s.residentA1(), s.guard(), s.admin(), s.auditor())) {
            api().get(member, "/auth/me").exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("inactive"));
        }
        api().post(s.guard(), "/gate/requests", Map.of("type", "VISITOR", "flatId", s.flatA().toString(),
                "visitorName", "Ravi")).exchange().expectStatus().isForbidden();
        // the platform still administers it; other societies work; nobody may apply to it
        assertThat(api().read(platform, "/admin/societies/{id}", s.id()).get("active").asBoolean()).isFalse();
        api().get(other.residentA1(), "/auth/me").exchange().expectStatus().isOk();
        assertThat(api().read(applicant, "/resident/onboarding/societies?search={q}", name).get("societies")).isEmpty();

        api().patch(platform, "/admin/societies/{id}", Map.of("active", true), s.id()).exchange().expectStatus().isOk();
        api().get(s.residentA1(), "/auth/me").exchange().expectStatus().isOk();
        assertThat(api().read(applicant, "/resident/onboarding/societies?search={q}", name).get("societies")).hasSize(1);
    }

    @Test
    void anAdminAddsABlockWithItsFlatsAndTheStatsCountTheSocietysDay() {
        var s = api().newSociety();
        var other = api().newSociety();
        JsonNode block = api().create(s.admin(), "/admin/societies/{id}/blocks", Map.of("name", "C", "floors", 4,
                "flats", List.of(Map.of("number", "001", "floor", 0), Map.of("number", "101", "floor", 1),
                        Map.of("number", "401", "floor", 4))), s.id());
        assertThat(block.get("flats")).hasSize(3);
        assertThat(block.get("floors").asInt()).isEqualTo(4);
        // all or nothing: an existing block, a floor above the block, another society
        api().post(s.admin(), "/admin/societies/{id}/blocks", Map.of("name", "c", "floors", 2,
                "flats", List.of(Map.of("number", "901"))), s.id()).exchange().expectStatus().isEqualTo(409);
        api().post(s.admin(), "/admin/societies/{id}/blocks", Map.of("name", "D", "floors", 2,
                "flats", List.of(Map.of("number", "101", "floor", 1), Map.of("number", "301", "floor", 3))), s.id())
                .exchange().expectStatus().isBadRequest();
        api().post(other.admin(), "/admin/societies/{id}/blocks", Map.of("name", "E", "floors", 2,
                "flats", List.of(Map.of("number", "101"))), s.id()).exchange().expectStatus().isNotFound();

        JsonNode blocks = api().read(s.admin(), "/resident/onboarding/societies/{id}/blocks", s.id()).get("blocks");
        assertThat(blocks).extracting(b -> b.get("name").asText()).containsExactly("A", "B", "C");
        JsonNode c = blocks.get(2);
        assertThat(c.get("id").asText()).isEqualTo(block.get("id").asText());
        assertThat(c.get("floors").asInt()).isEqualTo(4);
        assertThat(c.get("totalFlats").asInt()).isEqualTo(3);
        assertThat(blocks.get(0).get("floors").isNull()).as("a block named only by its flats").isTrue();
        JsonNode flats = api().read(s.admin(), "/resident/onboarding/societies/{id}/blocks/{b}/flats", s.id(),
                c.get("id").asText()).get("flats");
        assertThat(flats).extracting(f -> f.get("number").asText() + "@" + f.get("floor").asInt())
                .containsExactly("001@0", "101@1", "401@4");

        // the day's figures: one request waiting, one let in
        api().create(s.guard(), "/gate/requests", Map.of("type", "VISITOR", "flatId", s.flatA().toString(),
                "visitorName", "Waiting"));
        String admitted = api().create(s.guard(), "/gate/requests", Map.of("type", "VISITOR",
                "flatId", s.flatB().toString(), "visitorName", "Let in")).get("id").asText();
        api().patch(s.residentB(), "/gate/requests/{id}/approve", Map.of(), admitted).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode stats = api().read(s.admin(), "/admin/societies/{id}/stats", s.id());
            assertThat(stats.get("todayEntries").asLong()).isEqualTo(1);
            assertThat(stats.get("todayRequests").asLong()).isEqualTo(2);
        });
        JsonNode stats = api().read(s.auditor(), "/admin/societies/{id}/stats", s.id());
        assertThat(stats.get("today").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Kolkata")).toString());
        assertThat(stats.get("totalFlats").asLong()).isEqualTo(5);
        assertThat(stats.get("totalBlocks").asLong()).isEqualTo(3);
        assertThat(stats.get("occupiedFlats").asLong()).isEqualTo(2);
        assertThat(stats.get("totalResidents").asLong()).isEqualTo(3);
        assertThat(stats.get("totalGuards").asLong()).isEqualTo(1);
        assertThat(stats.get("totalAdmins").asLong()).isEqualTo(1);
        assertThat(stats.get("totalStaff").asLong()).isZero();
        assertThat(stats.get("pendingRequests").asLong()).isEqualTo(1);
        api().get(other.admin(), "/admin/societies/{id}/stats", s.id()).exchange().expectStatus().isNotFound();
    }

    @Test
    void oncePutInIndiasTimeZoneASocietysReportsCountIndianDaysAndHours() {
        var s = api().newSociety("Pacific/Kiritimati"); // UTC+14: its hours are 8.5 hours from India's
        ZoneId india = ZoneId.of("Asia/Kolkata");
        JsonNode moved = api().patch(api().platformAdmin(), "/admin/societies/{id}", Map.of("timeZone", "Asia/Kolkata"),
                s.id()).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(moved.get("timeZone").asText()).isEqualTo("Asia/Kolkata");
        java.time.ZonedDateTime before = java.time.ZonedDateTime.now(india);
        api().create(s.guard(), "/gate/requests", Map.of("type", "VISITOR", "flatId", s.flatA().toString(),
                "visitorName", "Ravi"));
        java.time.ZonedDateTime after = java.time.ZonedDateTime.now(india);
        // India is UTC+5:30: its hour of day is never the UTC one nor Kiritimati's
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode peaks = api().read(s.admin(), "/admin/reports/peak-hours");
            long inIndianHour = java.util.stream.IntStream.of(before.getHour(), after.getHour()).distinct()
                    .mapToLong(hour -> peaks.get("hours").get(hour).get("requests").asLong()).sum();
            assertThat(inIndianHour).as("the request counts in India's hour of day").isEqualTo(1);
        });
        JsonNode days = api().read(s.admin(), "/admin/reports/entries").get("days");
        assertThat(days).singleElement().satisfies(day -> assertThat(day.get("date").asText())
                .isIn(before.toLocalDate().toString(), after.toLocalDate().toString()));
        assertThat(api().read(s.admin(), "/admin/societies/{id}/stats", s.id()).get("today").asText())
                .isIn(before.toLocalDate().toString(), after.toLocalDate().toString());
    }
}
