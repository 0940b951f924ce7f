package com.gatehouse.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.gatehouse.server.security.SigningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Error answers a client developer can act on without reading the server's code. */
class ErrorAnswersTest extends IntegrationTest {

    @Autowired
    SigningKeys keys;

    @Test
    void aBadEnumValueListsTheAllowedValues() {
        var society = sharedSociety();
        api().post(society.guard(), "/gate/requests", Map.of("type", "PIZZA", "flatId", society.flatA().toString()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.type").isEqualTo("must be one of VISITOR, DELIVERY, CAB, SERVICE, OTHER");
        api().get(society.guard(), "/gate/requests?status=WAITING").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.status").isEqualTo("must be one of PENDING, APPROVED, REJECTED, EXPIRED");
    }

    @Test
    void aMissingContentTypeSaysJsonIsExpected() {
        var society = sharedSociety();
        JsonNode problem = api().client().post().uri("/api/v1/gate/requests")
                .header(HttpHeaders.AUTHORIZATION, society.guard().bearer())
                .bodyValue(("{\"type\":\"DELIVERY\",\"flatId\":\"" + society.flatA() + "\"}").getBytes())
                .exchange().expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("detail").asText()).contains("application/json").contains("no Content-Type");
    }

    @Test
    void theBearerChallengeSaysWhetherTheTokenExpired() throws Exception {
        Api.User admin = sharedSociety().admin();
        RSAKey key = keys.privateKey();
        var claims = new JWTClaimsSet.Builder().issuer("gatehouse").subject(admin.id().toString())
                .claim("role", admin.role()).claim("societyId", admin.societyId().toString())
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(120))).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));

        api().client().get().uri("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt.serialize())
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                        .startsWith("Bearer").contains("error=\"invalid_token\"").contains("expired"))
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("expired"));
        api().client().get().uri("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                        .contains("error=\"invalid_token\"").doesNotContain("expired"));
        // no token at all: the bare challenge (RFC 6750 gives no error code then)
        api().client().get().uri("/api/v1/auth/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void aRegistrationMissingTwoFieldsNamesBoth() {
        var society = sharedSociety();
        JsonNode problem = api().post(society.admin(), "/admin/societies/{id}/users",
                        Map.of("name", "Half Filled", "phone", Api.uniquePhone()), society.id())
                .exchange().expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("errors").has("password")).isTrue();
        assertThat(problem.get("errors").has("role")).isTrue();
        assertThat(problem.get("detail").asText()).contains("password").contains("role");
    }

    @Test
    void aVisitorRequestNeedsAVisitorName() {
        var society = sharedSociety();
        for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(
                Map.of("type", "VISITOR", "flatId", society.flatA().toString()),
                Map.of("type", "VISITOR", "flatId", society.flatA().toString(), "visitorName", "   "))) {
            api().post(society.guard(), "/gate/requests", body).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors.visitorName").value(m -> assertThat((String) m).contains("VISITOR"));
        }
    }
}
