package com.gatehouse.server.privacy;

import com.gatehouse.api.directory.SocietyTimeZones;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasing a visitor (issue 16): their name and phone are sealed in the event store from the start, readable by
 * the people who may see them until the erasure, and gone everywhere afterwards (read models, notifications, the
 * audit trail), while the gate's history (entries, counts, reports) stays as it was.
 */
class ErasureTest extends IntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.gatehouse.command.privacy.Retention retention;

    @Test
    void anErasedVisitorIsGoneFromEveryReadModelAndTheAuditTrailWhileCountsStay() {
        var society = api().newSociety();
        String phone = Api.uniquePhone();
        String name = "Asha Erasable " + phone;
        UUID request = raise(society, name, phone);
        UUID entry = UUID.fromString(api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), request)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("entryId").asText());
        String keptName = "Ravi Kept " + UUID.randomUUID();
        UUID kept = raise(society, keptName, Api.uniquePhone());

        // sealed in the store from the start; readable by who may see it until the erasure
        assertThat(storedEventsContaining(name)).isZero();
        assertThat(storedEventsContaining(phone)).isZero();
        assertThat(api().read(society.guard(), "/gate/requests/{id}", request).get("visitorName").asText()).isEqualTo(name);
        await().atMost(Duration.ofSeconds(10)).until(() -> audit(society.auditor()).contains(name)
                && messages(society.residentA1()).stream().anyMatch(m -> m.contains(name)));
        String today = LocalDate.now(SocietyTimeZones.DEFAULT).toString(); // the society's day
        JsonNode reportBefore = api().read(society.admin(), "/admin/reports/entries?from={d}&to={d}", today, today);
        long gateLogBefore = api().read(society.guard(), "/gate/entries").get("pagination").get("total").asLong();

        // another society's admin does not even learn that the visit exists
        var other = api().newSociety();
        erase(other.admin(), request).expectStatus().isNotFound();

        erase(society.admin(), request).expectStatus().isOk().expectBody()
                .jsonPath("$.erasureId").isNotEmpty().jsonPath("$.societyId").isEqualTo(society.id().toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(society.guard(), "/gate/requests/{id}", request)
                .get("visitorName").isNull() && api().read(society.guard(), "/gate/entries/{id}", entry)
                .get("visitorName").isNull() && messages(society.residentA1()).stream().noneMatch(m -> m.contains(name)));

        JsonNode erased = api().read(society.guard(), "/gate/requests/{id}", request);
        assertThat(erased.get("visitorPhone").isNull()).isTrue();
        assertThat(erased.get("erased").asBoolean()).isTrue();
        assertThat(api().read(society.guard(), "/gate/entries/{id}", entry).get("erased").asBoolean()).isTrue();
        assertThat(erased.get("status").asText()).isEqualTo("APPROVED");
        assertThat(api().read(society.guard(), "/gate/entries/{id}", entry).get("visitorPhone").isNull()).isTrue();
        assertThat(api().read(society.guard(), "/gate/requests/{id}", kept).get("visitorName").asText()).isEqualTo(keptName);
        assertThat(api().read(society.guard(), "/gate/requests/{id}", kept).get("erased").asBoolean()).isFalse();

        // the audit trail keeps every event, with the erased fields null and listed
        String trail = audit(society.auditor());
        assertThat(trail).doesNotContain(name).doesNotContain(phone).contains(keptName);
        List<JsonNode> raised = lines(trail).stream()
                .filter(e -> e.get("eventType").asText().equals("EntryRequestRaised")
                        && e.get("aggregateId").asText().equals(request.toString())).toList();
        assertThat(raised).singleElement().satisfies(e -> {
            assertThat(e.get("payload").get("visitorName").isNull()).isTrue();
            assertThat(e.get("payload").get("$erased")).extracting(JsonNode::asText)
                    .contains("visitorName", "visitorPhone");
        });
        assertThat(lines(trail)).filteredOn(e -> e.get("eventType").asText().equals("PersonalDataErased"))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("payload").get("subject").get("id").asText()).isEqualTo(request.toString());
                    assertThat(e.get("actorId").asText()).isEqualTo(society.admin().id().toString());
                });

        // the history of the gate is unchanged
        // (the kept request may have expired meanwhile: the test expiry is seconds; the totals do not move)
        JsonNode dayAfter = api().read(society.admin(), "/admin/reports/entries?from={d}&to={d}", today, today)
                .get("days").get(0);
        JsonNode dayBefore = reportBefore.get("days").get(0);
        assertThat(dayAfter.get("total")).isEqualTo(dayBefore.get("total"));
        assertThat(dayAfter.path("counts").path("VISITOR").path("APPROVED"))
                .isEqualTo(dayBefore.path("counts").path("VISITOR").path("APPROVED"));
        assertThat(api().read(society.guard(), "/gate/entries").get("pagination").get("total").asLong())
                .isEqualTo(gateLogBefore);
        // erasing again is the same erasure
        erase(society.admin(), request).expectStatus().isOk();
        assertThat(lines(audit(society.auditor()))).filteredOn(e -> e.get("eventType").asText().equals("PersonalDataErased"))
                .hasSize(1);
    }

    @Test
    void anErasedVisitsPhotoLeavesTheStoreAndItsUploadRecordWithTheReasonAudited() {
        var society = api().newSociety();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 5, 6, 7, 8};
        JsonNode document = api().upload(society.guard(), "ENTRY_PHOTO", "visitor.jpg", "image/jpeg", jpeg);
        UUID request = UUID.fromString(api().create(society.guard(), "/gate/requests", Map.of("type", "VISITOR",
                "flatId", society.flatA().toString(), "visitorName", "Photo Erasable",
                "photoKey", document.get("s3Key").asText())).get("id").asText());
        String url = api().read(society.admin(), "/upload/{id}/view-url", document.get("id").asText()).get("url").asText();
        assertThat(Api.getFromStore(url).statusCode()).isEqualTo(200);

        erase(society.admin(), request).expectStatus().isOk();

        // the object is gone, and so is the upload record: no new link to a missing file is signed
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.getFromStore(url).statusCode() == 404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> api().get(society.admin(), "/upload/{id}/view-url",
                document.get("id").asText()).exchange().expectStatus().isNotFound());
        assertThat(lines(audit(society.auditor()))).filteredOn(e -> e.get("eventType").asText().equals("DocumentExpired"))
                .singleElement().satisfies(e -> assertThat(e.get("payload").get("reason").asText()).startsWith("erasure:"));
    }

    @Test
    void aVisitIsErasedByTheRetentionJob180DaysLaterWithItsReason() {
        var society = api().newSociety();
        String phone = Api.uniquePhone();
        UUID request = raise(society, "Old Visitor " + phone, phone);
        // 179 days later nothing is due; 181 days later the visit's data goes
        assertThat(retention.sweep(society.id(), java.time.Instant.now().plus(Duration.ofDays(179)))).isZero();
        assertThat(retention.sweep(society.id(), java.time.Instant.now().plus(Duration.ofDays(181)))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(society.guard(), "/gate/requests/{id}", request)
                .get("visitorName").isNull());
        assertThat(lines(audit(society.auditor()))).filteredOn(e -> e.get("eventType").asText().equals("PersonalDataErased"))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("payload").get("reason").asText()).startsWith("retention: ");
                    assertThat(e.get("payload").get("by").isNull()).isTrue();
                });
        assertThat(storedEventsContaining(phone)).isZero();
    }

    @Test
    void aResidentAsksToBeErasedAndTheirAdminCarriesItOut() {
        var society = api().newSociety();
        var other = api().newSociety();
        Api.User resident = society.residentA2();
        String asked = api().post(resident, "/me/erasure", Map.of("reason", "moving out")).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("requestId").asText();
        // asking again is the same request
        api().post(resident, "/me/erasure", Map.of()).exchange().expectStatus().isAccepted().expectBody()
                .jsonPath("$.requestId").isEqualTo(asked);
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(society.admin(),
                "/admin/privacy/erasure-requests?status=PENDING").get("requests").size() == 1);
        JsonNode pending = api().read(society.admin(), "/admin/privacy/erasure-requests").get("requests").get(0);
        assertThat(pending.get("id").asText()).isEqualTo(asked);
        assertThat(pending.get("userId").asText()).isEqualTo(resident.id().toString());
        assertThat(pending.get("userName").isNull()).isFalse();
        assertThat(api().read(other.admin(), "/admin/privacy/erasure-requests").get("requests")).isEmpty();

        api().post(resident, "/admin/privacy/erasure-requests/{id}/carry-out", Map.of(), asked).exchange()
                .expectStatus().isForbidden();
        api().post(other.admin(), "/admin/privacy/erasure-requests/{id}/carry-out", Map.of(), asked).exchange()
                .expectStatus().isNotFound();
        api().post(society.admin(), "/admin/privacy/erasure-requests/{id}/carry-out", Map.of(), asked).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CARRIED_OUT");

        // the account keeps its place (role, flat) without its name and phone, and its password is gone
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(society.admin(),
                "/admin/privacy/erasure-requests?status=CARRIED_OUT").get("requests").size() == 1);
        JsonNode done = api().read(society.admin(), "/admin/privacy/erasure-requests").get("requests").get(0);
        assertThat(done.get("userName").isNull()).isTrue();
        assertThat(done.get("carriedOutBy").asText()).isEqualTo(society.admin().id().toString());
        api().client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", resident.phone(), "password", Api.PASSWORD)).exchange()
                .expectStatus().isUnauthorized();
        String trail = audit(society.auditor());
        assertThat(trail).doesNotContain(resident.phone()).doesNotContain("moving out");
        assertThat(lines(trail)).extracting(e -> e.get("eventType").asText())
                .contains("ErasureRequested", "ErasureRequestCarriedOut", "PersonalDataErased");
        assertThat(storedEventsContaining(resident.phone())).isZero();
    }

    @Test
    void aPreApprovedVisitorAndAVendorAreErasedByTheirIdsWithTheEntriesTheirVisitMade() {
        var society = api().newSociety();
        String phone = Api.uniquePhone();
        String name = "Guest Erasable " + phone;
        JsonNode created = api().create(society.residentA1(), "/gate/preapprovals", new HashMap<>(Map.of(
                "visitorName", name, "visitorPhone", phone, "visitorType", "GUEST", "purpose", "Dinner",
                "vehicleNumber", "KA01 " + phone, "validUntil", java.time.Instant.now().plus(Duration.ofHours(4)).toString(),
                "maxUses", 2)));
        UUID preApproval = UUID.fromString(created.get("preApproval").get("id").asText());
        UUID entry = UUID.fromString(api().post(society.guard(), "/gate/preapprovals/scan",
                        Map.of("code", created.get("code").asText())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("entry").get("id").asText());
        assertThat(api().read(society.guard(), "/gate/entries/{id}", entry).get("visitorName").asText()).isEqualTo(name);
        String vendorPhone = Api.uniquePhone();
        String vendor = api().create(society.admin(), "/staff/vendors", Map.of("name", "Vendor " + vendorPhone,
                "category", "PLUMBER", "phone", vendorPhone, "workingDays", List.of("MON"))).get("id").asText();

        api().post(society.admin(), "/admin/privacy/erasures", Map.of("kind", "VISITOR", "id", preApproval.toString(),
                "reason", "asked")).exchange().expectStatus().isOk();
        api().post(society.admin(), "/admin/privacy/erasures", Map.of("kind", "STAFF", "id", vendor,
                "reason", "left the directory")).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(society.residentA1(), "/gate/preapprovals/{id}",
                preApproval).get("visitorName").isNull() && api().read(society.guard(), "/gate/entries/{id}", entry)
                .get("visitorName").isNull() && api().read(society.guard(), "/staff/vendors/{id}", vendor).get("phone").isNull());
        JsonNode kept = api().read(society.residentA1(), "/gate/preapprovals/{id}", preApproval);
        assertThat(kept.get("visitorPhone").isNull()).isTrue();
        assertThat(kept.get("vehicleNumber").isNull()).isTrue();
        assertThat(kept.get("usedCount").asInt()).isEqualTo(1);
        assertThat(kept.get("erased").asBoolean()).isTrue();
        assertThat(api().read(society.guard(), "/gate/entries/{id}", entry).get("vehicleNumber").isNull()).isTrue();
        assertThat(api().read(society.guard(), "/staff/vendors/{id}", vendor).get("category").asText()).isEqualTo("PLUMBER");
        assertThat(storedEventsContaining(phone)).isZero();
        assertThat(audit(society.auditor())).doesNotContain(name).doesNotContain(vendorPhone);
        // an id nobody knows
        api().post(society.admin(), "/admin/privacy/erasures", Map.of("kind", "VISITOR", "id", UUID.randomUUID().toString(),
                "reason", "asked")).exchange().expectStatus().isNotFound();
    }

    @Test
    void aDeactivatedResidentIsErased30DaysLaterAndAHeldStaffMemberOnlyOnceTheHoldIsReleased() {
        var society = api().newSociety();
        Api.User resident = society.residentA2();
        String maidPhone = Api.uniquePhone();
        UUID maid = UUID.fromString(api().create(society.admin(), "/staff/domestic", Map.of("name", "Maid " + maidPhone,
                "phone", maidPhone, "staffType", "MAID", "flatIds", List.of(society.flatA().toString()))).get("id").asText());
        api().post(society.admin(), "/admin/societies/{s}/users/{u}/deactivate", Map.of(), society.id(), resident.id())
                .exchange().expectStatus().is2xxSuccessful();
        api().post(society.admin(), "/staff/domestic/{id}/deactivate", Map.of(), maid).exchange()
                .expectStatus().is2xxSuccessful();

        // the admin holds the maid's data (a dispute): held once, and nobody erases her meanwhile
        Map<String, Object> hold = Map.of("kind", "STAFF", "id", maid.toString(), "reason", "dispute 12/2026");
        api().post(society.admin(), "/admin/privacy/holds", hold).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.reason").isEqualTo("dispute 12/2026");
        api().post(society.admin(), "/admin/privacy/holds", hold).exchange().expectStatus().isEqualTo(409);
        api().post(api().newSociety().admin(), "/admin/privacy/holds", hold).exchange().expectStatus().isNotFound();
        api().post(society.admin(), "/admin/privacy/erasures", Map.of("kind", "STAFF", "id", maid.toString(),
                "reason", "asked")).exchange().expectStatus().isEqualTo(409);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from privacy_deactivation where society_id = ?", Integer.class, society.id()) == 2);
        java.time.Instant now = java.time.Instant.now();
        assertThat(retention.sweepDeactivated(society.id(), now.plus(Duration.ofDays(29)))).isZero();
        assertThat(retention.sweepDeactivated(society.id(), now.plus(Duration.ofDays(31)))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> user(society, resident.id()).get("name").isNull());
        assertThat(user(society, resident.id()).get("erased").asBoolean()).isTrue();
        assertThat(api().read(society.admin(), "/staff/domestic/{id}", maid).get("name").asText()).isEqualTo("Maid " + maidPhone);

        // released: the next sweep erases her too
        api().delete(society.admin(), "/admin/privacy/holds/{id}", maid).exchange().expectStatus().isNoContent();
        api().delete(society.admin(), "/admin/privacy/holds/{id}", maid).exchange().expectStatus().isNotFound();
        assertThat(retention.sweepDeactivated(society.id(), now.plus(Duration.ofDays(31)))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(society.admin(), "/staff/domestic/{id}", maid)
                .get("name").isNull());
        assertThat(api().read(society.admin(), "/staff/domestic/{id}", maid).get("erased").asBoolean()).isTrue();
        assertThat(storedEventsContaining(maidPhone)).isZero();
        List<JsonNode> trail = lines(audit(society.auditor()));
        assertThat(trail).extracting(e -> e.get("eventType").asText()).contains("LegalHoldPlaced", "LegalHoldReleased");
        assertThat(trail).filteredOn(e -> e.get("eventType").asText().equals("PersonalDataErased"))
                .extracting(e -> e.get("payload").get("reason").asText())
                .hasSize(2).allMatch(reason -> reason.startsWith("retention: a deactivated"));
    }

    private JsonNode user(Api.Society society, UUID id) {
        for (JsonNode user : api().read(society.admin(), "/admin/societies/{s}/users?size=100", society.id()).get("users")) {
            if (user.get("id").asText().equals(id.toString())) {
                return user;
            }
        }
        throw new AssertionError("no user " + id);
    }

    private UUID raise(Api.Society society, String name, String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "VISITOR", "flatId", society.flatA().toString(),
                "visitorName", name, "visitorPhone", phone));
        return UUID.fromString(api().create(society.guard(), "/gate/requests", body).get("id").asText());
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec erase(Api.User admin, UUID request) {
        return api().post(admin, "/admin/privacy/erasures",
                Map.of("kind", "VISITOR", "id", request.toString(), "reason", "the visitor asked at the gate")).exchange();
    }

    private int storedEventsContaining(String text) {
        Integer n = jdbc.queryForObject("select count(*) from domain_event_entry where position(? in convert_from(payload, 'UTF8')) > 0",
                Integer.class, text);
        return n == null ? 0 : n;
    }

    private List<String> messages(Api.User user) {
        List<String> messages = new ArrayList<>();
        api().notifications(user).get("notifications").forEach(n -> messages.add(n.toString()));
        return messages;
    }

    private String audit(Api.User auditor) {
        String body = api().get(auditor, "/admin/audit/events").accept(MediaType.APPLICATION_NDJSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return body == null ? "" : body;
    }

    private List<JsonNode> lines(String ndjson) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                try {
                    events.add(json.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return events;
    }
}
