package com.gatehouse.server.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Users change their own profile (name, email, photo); admins reactivate a deactivated user. */
class ProfileTest extends IntegrationTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void aResidentChangesTheirProfileWithAPhotoOfTheirOwn() {
        var s = api().newSociety();
        String photo = api().upload(s.residentA1(), "PROFILE_PHOTO", "me.jpg", "image/jpeg", JPEG).get("s3Key").asText();
        JsonNode changed = api().patch(s.residentA1(), "/auth/me", Map.of("name", "Ravi Kumar",
                        "email", "ravi@example.com", "photoKey", photo)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(changed.get("name").asText()).isEqualTo("Ravi Kumar");
        assertThat(changed.get("photoKey").asText()).isEqualTo(photo);
        JsonNode me = api().read(s.residentA1(), "/auth/me");
        assertThat(me.get("name").asText()).isEqualTo("Ravi Kumar");
        assertThat(me.get("email").asText()).isEqualTo("ravi@example.com");
        assertThat(me.get("photoKey").asText()).isEqualTo(photo);

        // someone else's photo, a photo of another purpose, a bad email, a blank name: refused, nothing changes
        String theirs = api().upload(s.residentA2(), "PROFILE_PHOTO", "a2.jpg", "image/jpeg", JPEG).get("s3Key").asText();
        String staffPhoto = api().upload(s.residentA1(), "STAFF_PHOTO", "maid.jpg", "image/jpeg", JPEG).get("s3Key").asText();
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(Map.of("photoKey", theirs),
                Map.of("photoKey", staffPhoto), Map.of("email", "not-an-email"), Map.of("name", " "))) {
            api().patch(s.residentA1(), "/auth/me", bad).exchange().expectStatus().isBadRequest();
        }
        // an empty email removes it; the rest stays
        JsonNode cleared = api().patch(s.residentA1(), "/auth/me", Map.of("email", "")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(cleared.get("email").isNull()).isTrue();
        assertThat(cleared.get("photoKey").asText()).isEqualTo(photo);
        assertThat(api().read(s.residentA2(), "/auth/me").get("photoKey").isNull()).isTrue();

        // an applicant (no society yet) reads and names themselves
        Api.User applicant = PhoneSignIn.signIn(api(), Api.uniquePhone(), null);
        api().patch(applicant, "/auth/me", Map.of("name", "Nisha")).exchange().expectStatus().isOk();
        assertThat(api().read(applicant, "/auth/me").get("name").asText()).isEqualTo("Nisha");
    }

    @Test
    void anAdminReactivatesADeactivatedUserWhoLogsInAgain() {
        var s = api().newSociety();
        var other = api().newSociety();
        Api.User guard = s.guard();
        api().post(s.admin(), "/admin/societies/{id}/users/{u}/deactivate", Map.of(), s.id(), guard.id()).exchange()
                .expectStatus().isOk();
        login(guard.phone()).expectStatus().isUnauthorized();
        api().post(other.admin(), "/admin/societies/{id}/users/{u}/reactivate", Map.of(), s.id(), guard.id())
                .exchange().expectStatus().isNotFound();
        JsonNode back = api().post(s.admin(), "/admin/societies/{id}/users/{u}/reactivate", Map.of(), s.id(), guard.id())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(back.get("active").asBoolean()).isTrue();
        login(guard.phone()).expectStatus().isOk();
        // reactivating an active user changes nothing
        api().post(s.admin(), "/admin/societies/{id}/users/{u}/reactivate", Map.of(), s.id(), guard.id())
                .exchange().expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String phone) {
        return api().client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "password", Api.PASSWORD)).exchange();
    }
}
