package com.gatehouse.server.security;

import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityTest extends IntegrationTest {

    private void expectUnauthorized(String authorization) {
        var request = api().client().get().uri("/api/v1/auth/me");
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        request.exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @Autowired
    SigningKeys keys;

    /** The key the server signs with now (kept in PostgreSQL, shared by every instance). */
    private RSAKey serverKey() {
        return keys.privateKey();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder claimsOf(Api.User user) {
        return new JWTClaimsSet.Builder().issuer("gatehouse").subject(user.id().toString())
                .claim("role", user.role()).claim("societyId", user.societyId().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    @Test
    void aRequestWithoutATokenIsRefused() {
        expectUnauthorized(null);
        expectUnauthorized("Bearer ");
        expectUnauthorized("Bearer not-a-jwt");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        var claims = claimsOf(sharedSociety().admin()).issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(120))).build();
        expectUnauthorized("Bearer " + sign(serverKey(), claims));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID(serverKey().getKeyID()).generate();
        expectUnauthorized("Bearer " + sign(other, claimsOf(sharedSociety().admin()).build()));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"gatehouse\",\"sub\":\"" + sharedSociety().admin().id()
                + "\",\"role\":\"SUPER_ADMIN\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        expectUnauthorized("Bearer " + header + "." + payload + ".");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = sharedSociety().residentA1().token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"RESIDENT\"", "\"SUPER_ADMIN\"");
        assertThat(payload).contains("SUPER_ADMIN");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        expectUnauthorized("Bearer " + forged);
    }

    @Test
    void aValidTokenOfTheServerKeyIsAccepted() throws Exception {
        // the control for the refusals above: the same construction, correctly signed, passes
        api().client().get().uri("/api/v1/auth/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + sign(serverKey(), claimsOf(sharedSociety().admin()).build()))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aWrongRoleIsForbidden() {
        api().post(sharedSociety().guard(), "/admin/societies/{id}/flats", Map.of("block", "C", "number", "1"), sharedSociety().id())
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        api().post(sharedSociety().admin(), "/admin/societies", Map.of("name", "Mine", "city", "Pune"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anotherSocietyAnswersNotFound() {
        var other = api().newSociety();
        api().get(sharedSociety().admin(), "/admin/societies/{id}/users", other.id()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.status").isEqualTo(404);
        api().post(sharedSociety().admin(), "/admin/societies/{id}/flats", Map.of("block", "Z", "number", "9"), other.id())
                .exchange().expectStatus().isNotFound();
        api().get(sharedSociety().admin(), "/admin/societies/{id}/flats", other.id()).exchange().expectStatus().isNotFound();
        api().read(other.admin(), "/admin/societies/{id}/flats", other.id());
        api().get(sharedSociety().admin(), "/admin/societies/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest
    @EnumSource(Live.Transport.class)
    void anRSocketConnectionWithoutAValidTokenIsRefused(Live.Transport transport) throws Exception {
        for (String token : new String[]{null, "garbage",
                sign(new RSAKeyGenerator(2048).generate(), claimsOf(sharedSociety().admin()).build())}) {
            var requester = live().connect(transport, token);
            StepVerifier.create(requester.route("auth.me").retrieveMono(Map.class))
                    .expectErrorSatisfies(error -> assertThat(error.getClass().getSimpleName())
                            .isIn("RejectedSetupException", "ClosedChannelException"))
                    .verify(Duration.ofSeconds(10));
            requester.dispose();
        }
    }

    @ParameterizedTest
    @EnumSource(Live.Transport.class)
    void anRSocketConnectionWithATokenKnowsItsUser(Live.Transport transport) {
        var resident = sharedSociety().residentA1();
        var requester = live().connect(transport, resident);
        StepVerifier.create(requester.route("auth.me").retrieveMono(Map.class))
                .assertNext(me -> {
                    assertThat(me.get("userId")).isEqualTo(resident.id().toString());
                    assertThat(me.get("role")).isEqualTo("RESIDENT");
                    assertThat(me.get("flatId")).isEqualTo(sharedSociety().flatA().toString());
                })
                .verifyComplete();
        requester.dispose();
    }
}
