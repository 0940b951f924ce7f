package com.gatehouse.server.security;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.staff.StaffCards;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.StandaloneServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data dir of an earlier version kept its signing key in a file: the first start with the keys in the
 * database imports it, so access tokens and printed staff cards signed before the upgrade keep verifying.
 */
class SigningKeyImportTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyFileOfAnEarlierVersionIsImportedAndWhatItSignedStillVerifies() throws Exception {
        RSAKey old = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyID(UUID.randomUUID().toString()).generate();
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys").resolve("jwt-signing-key.json"), old.toJSONString());
        StaffCardKey oldCardKey = StaffCardKey.generate();
        Files.writeString(dataDir.resolve("keys").resolve("staff-card-key.json"), oldCardKey.toStored());

        try (var server = StandaloneServer.start(dataDir)) {
            Api api = server.api();
            Api.User admin = api.platformAdmin();
            // a token the earlier version signed (same issuer, claims and key)
            var claims = new JWTClaimsSet.Builder().issuer("gatehouse").subject(admin.id().toString())
                    .claim("role", "SUPER_ADMIN").issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
            var token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(old.getKeyID()).build(), claims);
            token.sign(new RSASSASigner(old));
            api.client().get().uri("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.serialize())
                    .exchange().expectStatus().isOk();

            // a staff card printed by an earlier version (RS256, with the access-token key)
            var card = new StaffCards.StaffCard(new StaffId(UUID.randomUUID()), new SocietyId(UUID.randomUUID()), 3);
            var cards = server.context().getBean(StaffCards.class);
            var printed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JwtStaffCards.LEGACY_TYPE)
                    .keyID(old.getKeyID()).build(), new JWTClaimsSet.Builder().issuer("gatehouse")
                    .audience(JwtStaffCards.AUDIENCE).subject(card.staffId().toString())
                    .claim(JwtStaffCards.SOCIETY, card.societyId().toString()).claim(JwtStaffCards.VERSION, 3).build());
            printed.sign(new RSASSASigner(old));
            assertThat(cards.read(printed.serialize())).isEqualTo(card);
            // the staff card key of the earlier version signs the cards issued now: reprints are the same code
            String issued = cards.issue(card);
            assertThat(new String(java.util.Base64.getUrlDecoder().decode(issued.substring(0, issued.indexOf('.')))))
                    .contains("\"kid\":\"" + oldCardKey.keyId() + "\"");
            assertThat(cards.read(issued)).isEqualTo(card);

            JsonNode jwks = api.client().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(jwks.get("keys").findValuesAsText("kid")).containsExactlyInAnyOrder(old.getKeyID(), oldCardKey.keyId());
        }
        // a restart finds it in the database and imports nothing twice
        try (var server = StandaloneServer.start(dataDir)) {
            var keys = server.context().getBean(SigningKeys.class);
            assertThat(keys.privateKey().getKeyID()).isEqualTo(old.getKeyID());
            assertThat(keys.cardKey().keyId()).isEqualTo(oldCardKey.keyId());
            assertThat(keys.list()).hasSize(2);
        }
    }
}
