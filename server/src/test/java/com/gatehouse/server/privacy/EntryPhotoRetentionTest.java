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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Entry photos leave the object store 90 days after they were taken, on their own (issue 16): the daily
 * retention job (here asked directly, at a "now" three months ahead) deletes the object, the request and its
 * gate-log entry say when the photo went and show no key, the photo link answers 404, the audit trail says which
 * rule deleted it without any of the visitor's data; a photo of a visit under a legal hold stays.
 */
class EntryPhotoRetentionTest extends IntegrationTest {

    @Autowired
    Retention retention;

    @Test
    void aVisitorsPhotoIsDeletedFromTheStore90DaysAfterTheVisitAndTheViewsSaySo() {
        var society = api().newSociety();
        String name = "Photo Visitor " + UUID.randomUUID();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
        String photo = api().upload(society.guard(), "ENTRY_PHOTO", "visitor.jpg", "image/jpeg", jpeg).get("s3Key").asText();
        UUID request = raise(society, name, photo);
        UUID entry = UUID.fromString(api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), request)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("entryId").asText());
        // a second visit with a photo, held for a police complaint: its photo stays while the hold lasts
        String heldPhoto = api().upload(society.guard(), "ENTRY_PHOTO", "held.jpg", "image/jpeg", jpeg).get("s3Key").asText();
        UUID held = raise(society, "Held Visitor", heldPhoto);
        api().create(society.admin(), "/admin/privacy/holds",
                Map.of("kind", "VISITOR", "id", held.toString(), "reason", "police complaint 7/2026"));

        String url = api().read(society.residentA1(), "/gate/requests/{id}/photo", request).get("url").asText();
        assertThat(Api.getFromStore(url).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> photo.equals(
                api().read(society.guard(), "/gate/entries/{id}", entry).path("photoKey").asText(null)));

        assertThat(retention.sweepPhotos(society.id(), Instant.now().plus(Duration.ofDays(89)))).isZero();
        assertThat(retention.sweepPhotos(society.id(), Instant.now().plus(Duration.ofDays(91)))).isEqualTo(1);

        // the object is gone from the store, the views say when and hold no key, the link answers 404
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.getFromStore(url).statusCode() == 404);
        await().atMost(Duration.ofSeconds(10)).until(() -> api().read(society.guard(), "/gate/requests/{id}", request)
                .get("photoDeletedAt").isTextual() && api().read(society.guard(), "/gate/entries/{id}", entry)
                .get("photoDeletedAt").isTextual());
        JsonNode view = api().read(society.residentA1(), "/gate/requests/{id}", request);
        assertThat(view.get("photoKey").isNull()).isTrue();
        assertThat(view.get("visitorName").asText()).as("only the photo goes at 90 days").isEqualTo(name);
        assertThat(api().read(society.guard(), "/gate/entries/{id}", entry).get("photoKey").isNull()).isTrue();
        api().get(society.residentA1(), "/gate/requests/{id}/photo", request).exchange().expectStatus().isNotFound();

        // the held visit keeps its photo
        String heldUrl = api().read(society.guard(), "/gate/requests/{id}/photo", held).get("url").asText();
        assertThat(Api.getFromStore(heldUrl).statusCode()).isEqualTo(200);
        assertThat(api().read(society.guard(), "/gate/requests/{id}", held).get("photoDeletedAt").isNull()).isTrue();

        // audited: which rule, when; none of the visitor's data
        String trail = api().get(society.auditor(), "/admin/audit/events").accept(MediaType.APPLICATION_NDJSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(trail.lines().filter(line -> line.contains("\"DocumentExpired\"")).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("retention: entry photos are kept 90 days")
                        .doesNotContain(name));

        // a second run deletes nothing more
        assertThat(retention.sweepPhotos(society.id(), Instant.now().plus(Duration.ofDays(91)))).isZero();
    }

    private UUID raise(Api.Society society, String name, String photoKey) {
        return UUID.fromString(api().create(society.guard(), "/gate/requests", Map.of("type", "VISITOR",
                "flatId", society.flatA().toString(), "visitorName", name, "photoKey", photoKey)).get("id").asText());
    }
}
