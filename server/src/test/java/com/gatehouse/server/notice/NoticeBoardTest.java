package com.gatehouse.server.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The notice board on the real stack: scheduled publication by deadline, expiry, pins, views, admins, isolation. */
class NoticeBoardTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private JsonNode post(Api.User admin, Map<String, Object> body) {
        return api().create(admin, "/community/notices", body);
    }

    private static Map<String, Object> notice(String title, Object... more) {
        var body = new HashMap<String, Object>(Map.of("type", "GENERAL", "title", title, "description", title + " text"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private List<String> board(Api.User user) {
        List<String> titles = new ArrayList<>();
        api().read(user, "/community/notices?limit=100").get("notices").forEach(n -> titles.add(n.get("title").asText()));
        return titles;
    }

    private List<JsonNode> noticeAlerts(Api.User user, String noticeId) {
        List<JsonNode> matching = new ArrayList<>();
        api().notifications(user).get("notifications").forEach(n -> {
            if (noticeId.equals(n.path("referenceId").asText())) {
                matching.add(n);
            }
        });
        return matching;
    }

    @Test
    void aNoticeScheduledForLaterAppearsAndNotifiesAtItsTime() {
        var society = api().newSociety();
        Instant publishAt = Instant.now().plusSeconds(4);
        JsonNode scheduled = post(society.admin(), notice("Holi party", "type", "EVENT",
                "publishAt", publishAt.toString()));
        String id = scheduled.get("id").asText();
        assertThat(scheduled.get("isPublished").asBoolean()).isFalse();
        // not on the board yet, nobody told; admins see it scheduled
        assertThat(board(society.residentA1())).doesNotContain("Holi party");
        api().get(society.residentA1(), "/community/notices/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(api().read(society.admin(), "/community/notices?isPublished=false").get("notices"))
                .extracting(n -> n.get("id").asText()).containsExactly(id);
        assertThat(noticeAlerts(society.residentA1(), id)).isEmpty();

        // at its time: on the board and every member notified
        await().atMost(WAIT).until(() -> board(society.residentA1()).contains("Holi party"));
        for (Api.User member : List.of(society.residentA1(), society.residentB(), society.guard(), society.auditor())) {
            await().atMost(WAIT).until(() -> !noticeAlerts(member, id).isEmpty());
            JsonNode alert = noticeAlerts(member, id).get(0);
            assertThat(alert.get("type").asText()).isEqualTo("SYSTEM");
            assertThat(alert.get("referenceType").asText()).isEqualTo("Notice");
            assertThat(alert.get("title").asText()).isEqualTo("Holi party");
            assertThat(alert.get("data").get("highPriority").asBoolean()).isFalse();
        }
        JsonNode published = api().read(society.residentA1(), "/community/notices/{id}", id);
        assertThat(published.get("isPublished").asBoolean()).isTrue();
        assertThat(Instant.parse(published.get("publishedAt").asText())).isAfterOrEqualTo(publishAt);
    }

    @Test
    void membersSeePinnedFirstNotExpiredAndUrgentNoticesAreHighPriority() {
        var society = api().newSociety();
        post(society.admin(), notice("Old news"));
        String urgent = post(society.admin(), notice("Gas leak drill", "type", "URGENT", "priority", "HIGH"))
                .get("id").asText();
        post(society.admin(), notice("AGM on Sunday", "type", "MEETING", "isPinned", true));
        String expiring = post(society.admin(), notice("Today only", "expiresAt",
                Instant.now().plusSeconds(3).toString())).get("id").asText();

        assertThat(board(society.residentA1()).get(0)).isEqualTo("AGM on Sunday");
        assertThat(board(society.residentA1())).contains("Gas leak drill", "Old news", "Today only");
        await().atMost(WAIT).until(() -> !noticeAlerts(society.residentB(), urgent).isEmpty());
        assertThat(noticeAlerts(society.residentB(), urgent).get(0).get("data").get("highPriority").asBoolean()).isTrue();

        // past its expiry it leaves the members' board; admins still find it, inactive
        await().atMost(WAIT).until(() -> !board(society.residentA1()).contains("Today only"));
        api().get(society.residentA1(), "/community/notices/{id}", expiring).exchange().expectStatus().isNotFound();
        assertThat(api().read(society.admin(), "/community/notices/{id}", expiring).get("isActive").asBoolean()).isFalse();
    }

    @Test
    void aViewIsCountedOncePerMember() {
        var society = api().newSociety();
        String id = post(society.admin(), notice("Lift service")).get("id").asText();
        for (int i = 0; i < 3; i++) {
            api().read(society.residentA1(), "/community/notices/{id}", id);
        }
        await().atMost(WAIT).until(() -> api().read(society.admin(), "/community/notices/{id}", id)
                .get("viewCount").asLong() == 2); // the resident and the admin who just looked
        api().read(society.residentA2(), "/community/notices/{id}", id);
        api().read(society.residentA1(), "/community/notices/{id}", id);
        await().atMost(WAIT).until(() -> api().read(society.guard(), "/community/notices/{id}", id)
                .get("viewCount").asLong() == 4);
        assertThat(api().read(society.guard(), "/community/notices/{id}", id).get("viewCount").asLong()).isEqualTo(4);
    }

    @Test
    void anyAdminOfTheSocietyEditsPinsAndDeletesButNobodyElse() {
        var society = api().newSociety();
        var secondAdmin = api().newUser(society.admin(), society.id(), "ADMIN", null);
        var other = api().newSociety();
        String id = post(society.admin(), notice("Parking rules")).get("id").asText();

        JsonNode edited = api().patch(secondAdmin, "/community/notices/{id}", Map.of("title", "New parking rules"), id)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(edited.get("title").asText()).isEqualTo("New parking rules");
        assertThat(edited.get("description").asText()).isEqualTo("Parking rules text");
        JsonNode pinned = api().patch(secondAdmin, "/community/notices/{id}/toggle-pin", Map.of(), id)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(pinned.get("isPinned").asBoolean()).isTrue();

        // residents and guards may not; another society's admin finds nothing
        api().patch(society.residentA1(), "/community/notices/{id}", Map.of("title", "x"), id)
                .exchange().expectStatus().isForbidden();
        api().post(society.guard(), "/community/notices", notice("x")).exchange().expectStatus().isForbidden();
        api().patch(other.admin(), "/community/notices/{id}", Map.of("title", "x"), id).exchange().expectStatus().isNotFound();
        api().patch(other.admin(), "/community/notices/{id}/toggle-pin", Map.of(), id).exchange().expectStatus().isNotFound();
        api().delete(other.admin(), "/community/notices/{id}", id).exchange().expectStatus().isNotFound();
        api().get(other.residentA1(), "/community/notices/{id}", id).exchange().expectStatus().isNotFound();
        api().get(other.admin(), "/community/notices/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(board(other.admin())).doesNotContain("New parking rules");
        assertThat(board(other.residentA1())).doesNotContain("New parking rules");

        api().delete(secondAdmin, "/community/notices/{id}", id).exchange().expectStatus().isNoContent();
        await().atMost(WAIT).until(() -> !board(society.residentA1()).contains("New parking rules"));
        api().delete(society.admin(), "/community/notices/{id}", id).exchange().expectStatus().isNotFound();
        // an attachment must be a NOTICE_ATTACHMENT upload of the society
        api().post(society.admin(), "/community/notices", notice("With a file", "images",
                List.of(java.util.UUID.randomUUID().toString()))).exchange().expectStatus().isBadRequest();
    }
}
