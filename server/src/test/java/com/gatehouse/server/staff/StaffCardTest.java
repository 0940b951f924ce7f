package com.gatehouse.server.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff QR cards: printable, signed, and refused when forged, revoked, of another society or deactivated. */
class StaffCardTest extends IntegrationTest {

    private StaffApi staff() {
        return new StaffApi(api());
    }

    private void expectRefused(String token, HttpStatus status, String detail) {
        staff().scan(sharedSociety().guard(), token).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(detail));
    }

    @Test
    void theCardIsAPrintableQrCodeOfTheSignedToken() throws Exception {
        UUID maid = staff().registerMaid(sharedSociety().residentA1(), "Lakshmi", sharedSociety().flatA());
        String token = staff().qrToken(sharedSociety().residentA1(), maid);
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("gatehouse-staff-card+jwt");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(maid.toString());
        assertThat(jwt.getJWTClaimsSet().getLongClaim("ver")).isEqualTo(1L);

        byte[] png = api().get(sharedSociety().residentA1(), StaffApi.STAFF + "/{id}/qr", maid)
                .header(HttpHeaders.ACCEPT, MediaType.IMAGE_PNG_VALUE).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        // the PNG is the code itself, not a photo of it: ZXing's finder-pattern search, meant for camera
        // frames, misses about 8 % of codes this dense in a clean image, so the test reads it as a pure barcode
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(token);
        assertThat(staff().scanOk(sharedSociety().guard(), decoded).get("action").asText()).isEqualTo("CHECK_IN");

        api().get(sharedSociety().residentB(), StaffApi.STAFF + "/{id}/qr", maid).exchange().expectStatus().isNotFound();
        api().get(sharedSociety().guard(), StaffApi.STAFF + "/{id}/qr", maid).exchange().expectStatus().isForbidden();
    }

    @Test
    void forgedAndAlteredTokensAreRefused() throws Exception {
        UUID maid = staff().registerMaid(sharedSociety().admin(), "Lakshmi", sharedSociety().flatA());
        UUID otherMaid = staff().registerMaid(sharedSociety().admin(), "Sunita", sharedSociety().flatB());
        String genuine = staff().qrToken(sharedSociety().admin(), maid);
        SignedJWT jwt = SignedJWT.parse(genuine);

        var foreignKey = new RSAKeyGenerator(2048).keyID(jwt.getHeader().getKeyID()).generate();
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("gatehouse-staff-card+jwt"))
                .keyID(jwt.getHeader().getKeyID()).build(), jwt.getJWTClaimsSet());
        forged.sign(new RSASSASigner(foreignKey));
        expectRefused(forged.serialize(), HttpStatus.BAD_REQUEST, "qrToken");

        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(maid.toString(), otherMaid.toString());
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        expectRefused(altered, HttpStatus.BAD_REQUEST, "qrToken");
        expectRefused("not-a-card", HttpStatus.BAD_REQUEST, "qrToken");
        expectRefused(sharedSociety().guard().token(), HttpStatus.BAD_REQUEST, "qrToken");
        api().post(sharedSociety().guard(), StaffApi.STAFF + "/scan", java.util.Map.of()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.qrToken").exists();

        assertThat(staff().attendance(sharedSociety().admin(), maid, "")).isEmpty();
        assertThat(staff().attendance(sharedSociety().admin(), otherMaid, "")).isEmpty();
        // and a card is no access token
        api().client().get().uri("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + genuine).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aRotatedCardRevokesTheOldOne() {
        UUID maid = staff().registerMaid(sharedSociety().residentA1(), "Lakshmi", sharedSociety().flatA());
        String old = staff().qrToken(sharedSociety().residentA1(), maid);
        JsonNode rotated = api().post(sharedSociety().residentA2(), StaffApi.STAFF + "/{id}/qr/rotate", java.util.Map.of(), maid)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        String current = rotated.get("qrToken").asText();
        assertThat(staff().qrToken(sharedSociety().admin(), maid)).isEqualTo(current);
        assertThat(staff().staff(sharedSociety().admin(), maid).get("qrVersion").asInt()).isEqualTo(2);

        expectRefused(old, HttpStatus.CONFLICT, "This card was revoked: a newer card was issued to Lakshmi");
        assertThat(staff().attendance(sharedSociety().admin(), maid, "")).isEmpty();
        assertThat(staff().scanOk(sharedSociety().guard(), current).get("action").asText()).isEqualTo("CHECK_IN");
    }

    @Test
    void aDeactivatedStaffMembersCardIsRefused() {
        UUID maid = staff().registerMaid(sharedSociety().admin(), "Lakshmi", sharedSociety().flatA(), sharedSociety().flatB());
        String card = staff().qrToken(sharedSociety().admin(), maid);
        api().post(sharedSociety().residentA1(), StaffApi.STAFF + "/{id}/deactivate", java.util.Map.of(), maid).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        JsonNode deactivated = api().post(sharedSociety().admin(), StaffApi.STAFF + "/{id}/deactivate", java.util.Map.of(), maid)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(deactivated.get("isActive").asBoolean()).isFalse();

        expectRefused(card, HttpStatus.CONFLICT, "This card is no longer valid: Lakshmi was deactivated");
        api().get(sharedSociety().admin(), StaffApi.STAFF + "/{id}/qr", maid).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        api().post(sharedSociety().guard(), StaffApi.STAFF + "/{id}/check-in", java.util.Map.of(), maid).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(staff().attendance(sharedSociety().admin(), maid, "")).isEmpty();
    }

    @Test
    void aGuardOfAnotherSocietyCannotUseTheCard() {
        UUID maid = staff().registerMaid(sharedSociety().admin(), "Lakshmi", sharedSociety().flatA());
        String card = staff().qrToken(sharedSociety().admin(), maid);
        var elsewhere = api().newSociety();
        staff().scan(elsewhere.guard(), card).expectStatus().isNotFound();
        api().post(elsewhere.guard(), StaffApi.STAFF + "/{id}/check-in", java.util.Map.of(), maid).exchange()
                .expectStatus().isNotFound();
        api().get(elsewhere.admin(), StaffApi.STAFF + "/{id}", maid).exchange().expectStatus().isNotFound();
        assertThat(staff().attendance(sharedSociety().admin(), maid, "")).isEmpty();
    }
}
