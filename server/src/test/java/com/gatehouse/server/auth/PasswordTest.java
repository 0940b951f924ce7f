package com.gatehouse.server.auth;

import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

/** Users change their own password (the old one required); admins reset one, to be changed at the next login. */
class PasswordTest extends IntegrationTest {

    @Test
    void aUserChangesTheirPasswordAndEveryOldLoginEnds() {
        var s = api().newSociety();
        Api.User ravi = s.residentA1();
        change(ravi.phone(), "wrong-password", "brand-new-pw").expectStatus().isUnauthorized();
        change(ravi.phone(), Api.PASSWORD, Api.PASSWORD).expectStatus().isBadRequest();
        change(ravi.phone(), Api.PASSWORD, "short").expectStatus().isBadRequest();
        change(ravi.phone(), Api.PASSWORD, "brand-new-pw").expectStatus().isNoContent();

        login(ravi.phone(), Api.PASSWORD).expectStatus().isUnauthorized();
        login(ravi.phone(), "brand-new-pw").expectStatus().isOk();
        refresh(ravi.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void aResetPasswordWorksOnlyToChooseANewOne() {
        var s = api().newSociety();
        var other = api().newSociety();
        Api.User guard = s.guard();
        api().post(other.admin(), "/admin/societies/{id}/users/{u}/reset-password",
                Map.of("temporaryPassword", "temp-pass-1"), s.id(), guard.id()).exchange().expectStatus().isNotFound();
        api().post(s.admin(), "/admin/societies/{id}/users/{u}/reset-password",
                Map.of("temporaryPassword", "temp-pass-1"), s.id(), guard.id()).exchange().expectStatus().isOk();

        refresh(guard.refreshToken()).expectStatus().isUnauthorized();
        login(guard.phone(), Api.PASSWORD).expectStatus().isUnauthorized();
        login(guard.phone(), "temp-pass-1").expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> org.assertj.core.api.Assertions.assertThat((String) d)
                        .contains("/auth/change-password"));
        change(guard.phone(), "temp-pass-1", "guard-chosen-pw").expectStatus().isNoContent();
        login(guard.phone(), "guard-chosen-pw").expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec change(String phone, String oldPassword, String newPassword) {
        return api().client().post().uri("/api/v1/auth/change-password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "oldPassword", oldPassword, "newPassword", newPassword)).exchange();
    }

    private WebTestClient.ResponseSpec login(String phone, String password) {
        return api().client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec refresh(String token) {
        return api().client().post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", token)).exchange();
    }
}
