package com.gatehouse.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthTest extends IntegrationTest {

    private JsonNode loginBody(String path, String phone, String password, int status) {
        return api().client().post().uri("/api/v1/auth" + path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "password", password))
                .exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode refresh(String refreshToken, int status) {
        return api().client().post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void everyRoleLogsInAndSeesWhoTheyAre() {
        var society = api().newSociety();
        for (Api.User user : new Api.User[]{society.admin(), society.guard(), society.residentA1(), society.auditor()}) {
            JsonNode me = api().read(user, "/auth/me");
            assertThat(me.get("id").asText()).isEqualTo(user.id().toString());
            // stored and shown in E.164 (+91 for Indian numbers), whatever form the login used
            assertThat(me.get("phone").asText()).isEqualTo("+91" + user.phone());
            assertThat(me.get("societyId").asText()).isEqualTo(society.id().toString());
        }
        assertThat(api().read(society.guard(), "/auth/me").get("role").asText()).isEqualTo("GUARD");
        JsonNode resident = api().read(society.residentA1(), "/auth/me");
        assertThat(resident.get("role").asText()).isEqualTo("RESIDENT");
        assertThat(resident.get("flatId").asText()).isEqualTo(society.flatA().toString());
        assertThat(api().read(society.guard(), "/auth/me").get("flatId").isNull()).isTrue();
    }

    @Test
    void loginAnswersTheContractShape() {
        var society = api().newSociety();
        JsonNode body = loginBody("/login", society.residentB().phone(), Api.PASSWORD, 200);
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("accessToken").asText()).contains(".");
        assertThat(body.get("refreshToken").asText()).isNotBlank();
        assertThat(body.get("user").get("flatId").asText()).isEqualTo(society.flatB().toString());
    }

    @Test
    void aWrongPasswordAndAnUnknownPhoneAnswerTheSame() {
        var society = api().newSociety();
        JsonNode wrongPassword = loginBody("/login", society.guard().phone(), "not-the-password", 401);
        JsonNode unknownPhone = loginBody("/login", Api.uniquePhone(), "not-the-password", 401);
        assertThat(wrongPassword.get("detail")).isEqualTo(unknownPhone.get("detail"));
    }

    @Test
    void eachAppAdmitsOnlyItsOwnRoles() {
        var society = api().newSociety();
        loginBody("/resident-app/login", society.residentA1().phone(), Api.PASSWORD, 200);
        loginBody("/resident-app/login", society.admin().phone(), Api.PASSWORD, 200);
        loginBody("/resident-app/login", society.guard().phone(), Api.PASSWORD, 403);
        loginBody("/guard-app/login", society.guard().phone(), Api.PASSWORD, 200);
        loginBody("/guard-app/login", society.residentA1().phone(), Api.PASSWORD, 403);
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseEndsTheLogin() {
        var society = api().newSociety();
        Api.User guard = society.guard();
        JsonNode first = refresh(guard.refreshToken(), 200);
        String second = first.get("refreshToken").asText();
        assertThat(second).isNotEqualTo(guard.refreshToken());
        api().client().get().uri("/api/v1/auth/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + first.get("accessToken").asText())
                .exchange().expectStatus().isOk();

        refresh(guard.refreshToken(), 401);   // replay of a used token...
        refresh(second, 401);                 // ...revokes the whole login, the fresh token too
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        var society = api().newSociety();
        Api.User resident = society.residentA1();
        api().post(resident, "/auth/logout", Map.of("refreshToken", resident.refreshToken()))
                .exchange().expectStatus().isNoContent();
        refresh(resident.refreshToken(), 401);
    }

    @Test
    void repeatedFailedLoginsAreThrottled() {
        var society = api().newSociety();
        String phone = society.residentB().phone();
        for (int i = 0; i < 5; i++) {
            loginBody("/login", phone, "wrong-" + i, 401);
        }
        api().client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "password", Api.PASSWORD))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // another phone number is not affected
        loginBody("/login", society.residentA1().phone(), Api.PASSWORD, 200);
    }

    @Test
    void aDeactivatedUserCanNeitherLogInNorRefresh() {
        var society = api().newSociety();
        Api.User guard = society.guard();
        JsonNode user = api().post(society.admin(), "/admin/societies/{s}/users/{u}/deactivate", Map.of(),
                        society.id(), guard.id())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(user.get("active").asBoolean()).isFalse();
        loginBody("/login", guard.phone(), Api.PASSWORD, 401);
        refresh(guard.refreshToken(), 401);
    }

    @Test
    void theBuiltInIssuerPublishesItsPublicKey() {
        JsonNode jwks = api().client().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        // the key that signed a token just issued is published first, as an RSA public key
        String token = api().newSociety().admin().token();
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        JsonNode key = jwks.get("keys").get(0);
        assertThat(header).contains("\"kid\":\"" + key.get("kid").asText() + "\"");
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.has("n")).isTrue();
        jwks.get("keys").forEach(published -> assertThat(published.has("d"))
                .as("the private part of %s stays private", published.get("kid")).isFalse());
    }

    @Test
    void malformedLoginInputIsAProblemNotACrash() {
        api().client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\": ").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
        api().client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.phone").exists().jsonPath("$.errors.password").exists();
    }
}
