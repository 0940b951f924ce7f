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
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.gatehouse.server.config.GatehouseProperties;
import com.gatehouse.server.security.SigningKeys;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import org.springframework.beans.factory.annotation.Autowired;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
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

    @Autowired
    SigningKeys keys;

    @Autowired
    GatehouseProperties properties;

    /** A card as this server printed them before: RS256 with the access-token key, issuer and audience. */
    private String legacyCard(UUID staff, UUID society, int version) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer(properties.jwt().issuer()).audience("gatehouse:staff-card")
                .subject(staff.toString()).claim("sid", society.toString()).claim("ver", version).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("gatehouse-staff-card+jwt")).keyID(keys.privateKey().getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(keys.privateKey()));
        return jwt.serialize();
    }

    /** A UUID as the card writes it: its 16 bytes in base64url. */
    private static String compact(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.nio.ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
    }

    private static String read(BufferedImage image, boolean pure) throws Exception {
        var hints = pure ? Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE) : Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                hints).getText();
    }

    private static byte[] redSquarePng() throws Exception {
        var photo = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        var g = photo.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 200, 200);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(photo, "PNG", out);
        return out.toByteArray();
    }

    @Test
    void theCardIsAPrintableQrCodeOfTheSignedTokenWithTheNameAndPhotoUnderIt() throws Exception {
        var admin = sharedSociety().admin();
        JsonNode photo = api().upload(admin, "STAFF_PHOTO", "lakshmi.png", "image/png", redSquarePng());
        UUID maid = UUID.fromString(api().create(admin, StaffApi.STAFF, Map.of("name", "Lakshmi", "phone", Api.uniquePhone(),
                "staffType", "MAID", "flatIds", List.of(sharedSociety().flatA().toString()),
                "photoKey", photo.get("s3Key").asText())).get("id").asText());
        String token = staff().qrToken(sharedSociety().residentA1(), maid);
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("card+jwt");
        assertThat(jwt.getJWTClaimsSet().getClaims().keySet()).containsExactlyInAnyOrder("sub", "sid", "ver");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(compact(maid));
        assertThat(jwt.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(compact(sharedSociety().id()));
        assertThat(jwt.getJWTClaimsSet().getLongClaim("ver")).isEqualTo(1L);
        assertThat(staff().qrToken(admin, maid)).as("printing again prints the same code").isEqualTo(token);

        // a much sparser code than the RS256 card with issuer and audience
        var before = Encoder.encode(legacyCard(maid, sharedSociety().id(), 1), ErrorCorrectionLevel.M);
        var after = Encoder.encode(token, ErrorCorrectionLevel.M);
        System.out.printf("staff card QR: before %d chars, version %d, %d modules; after %d chars, version %d, %d modules%n",
                legacyCard(maid, sharedSociety().id(), 1).length(), before.getVersion().getVersionNumber(),
                before.getMatrix().getWidth(), token.length(), after.getVersion().getVersionNumber(), after.getMatrix().getWidth());
        assertThat(token.length()).isLessThan(300);
        assertThat(after.getVersion().getVersionNumber()).isLessThanOrEqualTo(11)
                .isLessThanOrEqualTo(before.getVersion().getVersionNumber() - 9);

        byte[] png = api().get(sharedSociety().residentA1(), StaffApi.STAFF + "/{id}/qr", maid)
                .header(HttpHeaders.ACCEPT, MediaType.IMAGE_PNG_VALUE).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(byte[].class).returnResult().getResponseBody();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        // found the way a camera app finds it (finder patterns), in the whole card, not only as a pure barcode
        String decoded = read(image, false);
        assertThat(decoded).isEqualTo(token);
        assertThat(image.getHeight()).as("a band under the code").isGreaterThan(image.getWidth() + 100);
        var code = image.getSubimage(0, 0, image.getWidth(), image.getWidth());
        assertThat(read(code, true)).isEqualTo(token);
        // the photo under the code (left), the name next to it
        int band = image.getWidth();
        var photoPixel = new Color(image.getRGB(24 + 75, band + 80));
        assertThat(photoPixel.getRed()).isGreaterThan(200);
        assertThat(photoPixel.getGreen()).isLessThan(60);
        long dark = 0;
        for (int y = band; y < image.getHeight(); y++) {
            for (int x = 24 + 150 + 20; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("the name is written next to the photo").isGreaterThan(200);
        assertThat(staff().scanOk(sharedSociety().guard(), decoded).get("action").asText()).isEqualTo("CHECK_IN");

        api().get(sharedSociety().residentB(), StaffApi.STAFF + "/{id}/qr", maid).exchange().expectStatus().isNotFound();
        api().get(sharedSociety().guard(), StaffApi.STAFF + "/{id}/qr", maid).exchange().expectStatus().isForbidden();
    }

    @Test
    void aCardPrintedBeforeTheShorterCardsStillWorksUntilRotated() throws Exception {
        UUID maid = staff().registerMaid(sharedSociety().admin(), "Lakshmi", sharedSociety().flatA());
        String old = legacyCard(maid, sharedSociety().id(), 1);
        assertThat(staff().scanOk(sharedSociety().guard(), old).get("action").asText()).isEqualTo("CHECK_IN");
        api().post(sharedSociety().admin(), StaffApi.STAFF + "/{id}/qr/rotate", Map.of(), maid).exchange().expectStatus().isOk();
        expectRefused(old, HttpStatus.CONFLICT, "This card was revoked");
        // the legacy path still checks issuer and audience
        var noAudience = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("gatehouse-staff-card+jwt")).build(), new JWTClaimsSet.Builder()
                .issuer(properties.jwt().issuer()).subject(maid.toString()).claim("sid", sharedSociety().id().toString())
                .claim("ver", 2).build());
        noAudience.sign(new RSASSASigner(keys.privateKey()));
        expectRefused(noAudience.serialize(), HttpStatus.BAD_REQUEST, "qrToken");
    }

    @Test
    void forgedAndAlteredTokensAreRefused() throws Exception {
        UUID maid = staff().registerMaid(sharedSociety().admin(), "Lakshmi", sharedSociety().flatA());
        UUID otherMaid = staff().registerMaid(sharedSociety().admin(), "Sunita", sharedSociety().flatB());
        String genuine = staff().qrToken(sharedSociety().admin(), maid);
        String[] parts = genuine.split("\\.");

        // the same header and claims signed with another Ed25519 key
        var foreign = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var signature = Signature.getInstance("Ed25519");
        signature.initSign(foreign.getPrivate());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        expectRefused(forged, HttpStatus.BAD_REQUEST, "qrToken");
        // an RS256 card signed with a foreign key
        var foreignRsa = new RSAKeyGenerator(2048).generate();
        var forgedRsa = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("gatehouse-staff-card+jwt")).build(), new JWTClaimsSet.Builder()
                .issuer(properties.jwt().issuer()).audience("gatehouse:staff-card").subject(maid.toString())
                .claim("sid", sharedSociety().id().toString()).claim("ver", 1).build());
        forgedRsa.sign(new RSASSASigner(foreignRsa));
        expectRefused(forgedRsa.serialize(), HttpStatus.BAD_REQUEST, "qrToken");

        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(compact(maid), compact(otherMaid));
        assertThat(payload).contains(compact(otherMaid));
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
