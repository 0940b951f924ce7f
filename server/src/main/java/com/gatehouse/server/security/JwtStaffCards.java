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
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * Staff QR cards as JWTs signed with the built-in issuer's current RS256 key (shared by every instance, and a
 * card signed with an older active key still verifies, see {@link SigningKeys}): {@code sub} the staff member,
 * {@code sid} the society, {@code ver} the card version, audience {@value #AUDIENCE}, header type
 * {@code gatehouse-staff-card+jwt}. A gate device can verify one offline with the keys at
 * {@code /.well-known/jwks.json}. Cards do not expire; they are revoked by a newer version. A card carries no
 * issue time, so one version always reads as the same token (RS256 signatures are deterministic): printing
 * the card again prints the same code.
 * <p>
 * The two kinds of token signed with one key never pass for each other: access-token decoding accepts only
 * the header type {@code JWT} (and needs a role claim), and a card must carry this type and audience.
 */
@Component
public class JwtStaffCards implements StaffCards {

    static final JOSEObjectType TYPE = new JOSEObjectType("gatehouse-staff-card+jwt");
    static final String AUDIENCE = "gatehouse:staff-card";
    static final String SOCIETY = "sid";
    static final String VERSION = "ver";

    private final SigningKeys keys;
    private final String issuer;

    public JwtStaffCards(SigningKeys keys, GatehouseProperties properties) {
        this.keys = keys;
        this.issuer = properties.jwt().issuer();
    }

    @Override
    public String issue(StaffCard card) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(card.staffId().toString())
                .claim(SOCIETY, card.societyId().toString())
                .claim(VERSION, card.version())
                .build();
        RSAKey key = keys.privateKey();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(TYPE).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a staff card: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    @Override
    public StaffCard read(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token.strip());
            var key = keys.verificationKey(jwt.getHeader().getKeyID());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
                    || key.isEmpty() || !(key.get() instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                throw notACard();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            List<String> audience = claims.getAudience();
            Long version = claims.getLongClaim(VERSION);
            if (!issuer.equals(claims.getIssuer()) || audience == null || !audience.contains(AUDIENCE)
                    || claims.getSubject() == null || claims.getStringClaim(SOCIETY) == null || version == null
                    || version < 1 || version > Integer.MAX_VALUE) {
                throw notACard();
            }
            return new StaffCard(new StaffId(UUID.fromString(claims.getSubject())),
                    new SocietyId(UUID.fromString(claims.getStringClaim(SOCIETY))), version.intValue());
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            throw notACard();
        }
    }

    private static Problem notACard() {
        return Problem.invalid("qrToken", "is not a staff card issued by this society's gate system");
    }
}
