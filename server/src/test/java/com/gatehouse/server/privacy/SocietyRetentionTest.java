package com.gatehouse.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.command.privacy.Retention;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A society's own retention (issue 16): its admin shortens how long visitors' data and entry photos are kept; the
 * daily retention job then uses that society's values while another society keeps the installation's; the change is
 * in the audit trail. And the legal holds in force are listed for the society's admins.
 */
class SocietyRetentionTest extends IntegrationTest {

    @Autowired
    Retention retention;

    @Test
    void anAdminShortensTheSocietysRetentionAndTheJobUsesItWhileAnotherSocietyKeepsTheDefaults() {
        var strict = api().newSociety();
        var other = api().newSociety();
        JsonNode before = api().read(strict.admin(), "/admin/societies/{id}/retention", strict.id());
        assertThat(before.get("visitorRetentionDays").asLong()).isEqualTo(180);
        assertThat(before.get("entryPhotoRetentionDays").asLong()).isEqualTo(90);
        assertThat(before.get("deactivatedRetentionDays").asLong()).isEqualTo(30);
        assertThat(before.get("changedAt").isNull()).isTrue();

        // bounds, roles, tenancy
        put(strict.admin(), strict.id(), Map.of("visitorRetentionDays", 0)).expectStatus().isBadRequest();
        put(strict.admin(), strict.id(), Map.of("entryPhotoRetentionDays", 366)).expectStatus().isBadRequest();
        put(other.admin(), strict.id(), Map.of("visitorRetentionDays", 6)).expectStatus().isNotFound();
        put(strict.residentA1(), strict.id(), Map.of("visitorRetentionDays", 6)).expectStatus().isForbidden();

        JsonNode set = put(strict.admin(), strict.id(), Map.of("visitorRetentionDays", 6, "entryPhotoRetentionDays", 3))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(set.get("visitorRetentionDays").asLong()).isEqualTo(6);
        assertThat(set.get("entryPhotoRetentionDays").asLong()).isEqualTo(3);
        assertThat(set.get("deactivatedRetentionDays").asLong()).as("left out: the installation's").isEqualTo(30);
        assertThat(set.get("changedBy").asText()).isEqualTo(strict.admin().id().toString());
        assertThat(api().read(api().platformAdmin(), "/admin/societies/{id}/retention", strict.id())).isEqualTo(set);
        assertThat(api().read(other.admin(), "/admin/societies/{id}/retention", other.id())
                .get("visitorRetentionDays").asLong()).isEqualTo(180);

        // a visit with a photo in each society
        String strictName = "Strict Visitor " + UUID.randomUUID();
        UUID strictVisit = visitWithPhoto(strict, strictName);
        UUID otherVisit = visitWithPhoto(other, "Other Visitor " + UUID.randomUUID());

        // the daily job, four days on: the strict society's photo is past its 3 days, its visit not past 6 days; the
        // other society keeps the installation's 90 and 180 days
        retention.sweep(Instant.now().plus(Duration.ofDays(4)));
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(strict.guard(), "/gate/requests/{id}", strictVisit)
                .get("photoDeletedAt").isTextual());
        assertThat(api().read(strict.guard(), "/gate/requests/{id}", strictVisit).get("visitorName").asText())
                .isEqualTo(strictName);
        JsonNode kept = api().read(other.guard(), "/gate/requests/{id}", otherVisit);
        assertThat(kept.get("photoKey").isTextual()).isTrue();
        assertThat(kept.get("photoDeletedAt").isNull()).isTrue();

        // seven days on: the strict society's visit is erased, the other's is not
        retention.sweep(Instant.now().plus(Duration.ofDays(7)));
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(strict.guard(), "/gate/requests/{id}", strictVisit)
                .get("erased").asBoolean());
        assertThat(api().read(other.guard(), "/gate/requests/{id}", otherVisit).get("erased").asBoolean()).isFalse();

        // the change is audited: who, when, the values
        String trail = api().get(strict.auditor(), "/admin/audit/events").accept(MediaType.APPLICATION_NDJSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(trail.lines().filter(line -> line.contains("\"RetentionChanged\"")).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains(strict.admin().id().toString())
                        .contains("\"visitorRetentionDays\":6"));

        // back to the installation's settings
        JsonNode reset = put(strict.admin(), strict.id(), Map.of()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(reset.get("visitorRetentionDays").asLong()).isEqualTo(180);
        assertThat(reset.get("entryPhotoRetentionDays").asLong()).isEqualTo(90);
    }

    @Test
    void theLegalHoldsInForceAreListedForTheSocietysAdmins() {
        var society = api().newSociety();
        var other = api().newSociety();
        UUID visit = visitWithPhoto(society, "Held " + UUID.randomUUID());
        api().create(society.admin(), "/admin/privacy/holds",
                Map.of("kind", "VISITOR", "id", visit.toString(), "reason", "court order 3/2026"));

        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(society.admin(), "/admin/privacy/holds")
                .get("holds").size() == 1);
        JsonNode holds = api().read(society.admin(), "/admin/privacy/holds");
        JsonNode hold = holds.get("holds").get(0);
        assertThat(hold.get("subjectId").asText()).isEqualTo(visit.toString());
        assertThat(hold.get("kind").asText()).isEqualTo("VISITOR");
        assertThat(hold.get("reason").asText()).isEqualTo("court order 3/2026");
        assertThat(hold.get("placedBy").asText()).isEqualTo(society.admin().id().toString());
        assertThat(holds.get("pagination").get("total").asLong()).isEqualTo(1);
        assertThat(api().read(other.admin(), "/admin/privacy/holds").get("holds").size()).isZero();
        api().get(other.admin(), "/admin/privacy/holds?societyId={id}", society.id()).exchange()
                .expectStatus().isNotFound();
        assertThat(api().read(api().platformAdmin(), "/admin/privacy/holds?societyId={id}", society.id())
                .get("holds").get(0).get("subjectId").asText()).isEqualTo(visit.toString());

        api().delete(society.admin(), "/admin/privacy/holds/{id}", visit).exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(society.admin(), "/admin/privacy/holds")
                .get("holds").isEmpty());
    }

    private UUID visitWithPhoto(Api.Society society, String name) {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 5, 6, 7, 8};
        String photo = api().upload(society.guard(), "ENTRY_PHOTO", "visitor.jpg", "image/jpeg", jpeg).get("s3Key").asText();
        Map<String, Object> body = new HashMap<>(Map.of("type", "VISITOR", "flatId", society.flatA().toString(),
                "visitorName", name, "photoKey", photo));
        return UUID.fromString(api().create(society.guard(), "/gate/requests", body).get("id").asText());
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(Api.User user, UUID society,
                                                                                      Map<String, Object> body) {
        return api().client().put().uri("/api/v1/admin/societies/{id}/retention", society)
                .header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
