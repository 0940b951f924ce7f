package com.gatehouse.server.security;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.staff.StaffCards;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.server.config.GatehouseProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * Staff QR cards as compact JWTs signed with the staff card key ({@link StaffCardKey}, Ed25519, JWS alg
 * {@code EdDSA}): header {@code {"alg":"EdDSA","typ":"card+jwt","kid":<8 characters>}}, claims {@code sub} the
 * staff member, {@code sid} the society (both UUIDs written as their 16 bytes in base64url: 22 characters) and
 * {@code ver} the card version, nothing else. About 250 characters where the RS256 card with issuer, audience and
 * UUIDs as text had about 660: QR version 11 (61 modules a side) instead of 20 (97), so ordinary phone cameras
 * read the printed code. A gate device can verify one offline with the EdDSA key at {@code /.well-known/jwks.json}.
 * Cards do not expire; they are revoked by a newer version. A card carries no issue time and Ed25519 signatures
 * are deterministic, so one version always reads as the same token: printing the card again prints the same code.
 * <p>
 * Cards printed before (RS256 with the access-token key, type {@code gatehouse-staff-card+jwt}, issuer and
 * audience {@value #AUDIENCE}, UUIDs as text) keep working until the card is rotated. Neither kind passes for an
 * access token: access-token decoding accepts only RS256 with the header type {@code JWT} (and needs a role claim).
 */
@Component
public class JwtStaffCards implements StaffCards {

    static final JOSEObjectType TYPE = new JOSEObjectType("card+jwt");
    static final JOSEObjectType LEGACY_TYPE = new JOSEObjectType("gatehouse-staff-card+jwt");
    static final String AUDIENCE = "gatehouse:staff-card";
    static final String SOCIETY = "sid";
    static final String VERSION = "ver";

    private final SigningKeys keys;
    private final String issuer;

    /** The keys are shared by every instance and read from the database ({@link SigningKeys}). */
    public JwtStaffCards(SigningKeys keys, GatehouseProperties properties) {
        this.keys = keys;
        this.issuer = properties.jwt().issuer();
    }

    @Override
    public String issue(StaffCard card) {
        // written by hand, in a fixed order, so one card version is always the same token
        StaffCardKey cardKey = keys.cardKey();
        String header = "{\"alg\":\"EdDSA\",\"typ\":\"" + TYPE + "\",\"kid\":\"" + cardKey.keyId() + "\"}";
        String claims = "{\"sub\":\"" + compact(card.staffId().value()) + "\",\"" + SOCIETY + "\":\""
                + compact(card.societyId().value()) + "\",\"" + VERSION + "\":" + card.version() + "}";
        String signingInput = base64(header) + "." + base64(claims);
        return signingInput + "." + Base64URL.encode(cardKey.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public StaffCard read(String token) {
        try {
            JWSObject jws = JWSObject.parse(token.strip());
            JWSHeader header = jws.getHeader();
            JWTClaimsSet claims;
            UUID staff;
            UUID society;
            if (JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) && TYPE.equals(header.getType())) {
                var cardKey = keys.cardKey(header.getKeyID());
                if (cardKey.isEmpty() || !cardKey.get().verify(jws.getSigningInput(), jws.getSignature().decode())) {
                    throw notACard();
                }
                claims = JWTClaimsSet.parse(jws.getPayload().toJSONObject());
                staff = uuid(claims.getSubject());
                society = uuid(claims.getStringClaim(SOCIETY));
            } else if (JWSAlgorithm.RS256.equals(header.getAlgorithm()) && LEGACY_TYPE.equals(header.getType())
                    && keys.verificationKey(header.getKeyID()).orElse(null) instanceof RSAKey legacyKey
                    && jws.verify(new RSASSAVerifier(legacyKey))) {
                claims = JWTClaimsSet.parse(jws.getPayload().toJSONObject());
                List<String> audience = claims.getAudience();
                if (!issuer.equals(claims.getIssuer()) || audience == null || !audience.contains(AUDIENCE)) {
                    throw notACard();
                }
                staff = UUID.fromString(claims.getSubject());
                society = UUID.fromString(claims.getStringClaim(SOCIETY));
            } else {
                throw notACard();
            }
            Long version = claims.getLongClaim(VERSION);
            if (version == null || version < 1 || version > Integer.MAX_VALUE) {
                throw notACard();
            }
            return new StaffCard(new StaffId(staff), new SocietyId(society), version.intValue());
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            throw notACard();
        }
    }

    /** A UUID as its 16 bytes in base64url (22 characters instead of 36). */
    static String compact(UUID id) {
        return Base64URL.encode(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array()).toString();
    }

    static UUID uuid(String compact) {
        byte[] bytes = new Base64URL(compact).decode();
        if (bytes.length != 16) {
            throw new IllegalArgumentException("not a compact UUID");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static String base64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Problem notACard() {
        return Problem.invalid("qrToken", "is not a staff card issued by this society's gate system");
    }
}
