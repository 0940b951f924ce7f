package com.gatehouse.server.security;

import com.gatehouse.api.common.GateTokens;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * Gate QR tokens (pre-approvals, gate passes) as compact JWTs signed with the Ed25519 card key
 * ({@link StaffCardKey}, JWS alg {@code EdDSA}, the public half at {@code /.well-known/jwks.json}): header
 * {@code {"alg":"EdDSA","typ":<kind's type>,"kid":...}}, claims {@code sub} (the pre-approval or pass, a UUID as
 * 16 bytes in base64url), {@code sid} (its society, likewise) and {@code aud} (the kind's audience). Each kind
 * has its own type and audience, both checked, so a pre-approval token is not a gate pass, neither is a staff
 * card ({@code card+jwt}), and none is an access token (those are RS256 with type {@code JWT} and a role). No
 * expiry in the token: whether it still admits is decided by its aggregate, which says why it does not (409).
 */
@Component
public class JwtGateTokens implements GateTokens {

    static final String SOCIETY = "sid";

    private final SigningKeys keys;

    public JwtGateTokens(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public String issue(GateToken token) {
        StaffCardKey key = keys.cardKey();
        String header = "{\"alg\":\"EdDSA\",\"typ\":\"" + token.kind().type + "\",\"kid\":\"" + key.keyId() + "\"}";
        String claims = "{\"sub\":\"" + JwtStaffCards.compact(token.id()) + "\",\"" + SOCIETY + "\":\""
                + JwtStaffCards.compact(token.societyId().value()) + "\",\"aud\":\"" + token.kind().audience + "\"}";
        String signingInput = base64(header) + "." + base64(claims);
        return signingInput + "." + Base64URL.encode(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public GateToken read(Kind kind, String token) {
        try {
            JWSObject jws = JWSObject.parse(token.strip());
            JWSHeader header = jws.getHeader();
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())
                    || !new JOSEObjectType(kind.type).equals(header.getType())) {
                throw notOurs(kind);
            }
            var key = keys.cardKey(header.getKeyID());
            if (key.isEmpty() || !key.get().verify(jws.getSigningInput(), jws.getSignature().decode())) {
                throw notOurs(kind);
            }
            JWTClaimsSet claims = JWTClaimsSet.parse(jws.getPayload().toJSONObject());
            List<String> audience = claims.getAudience();
            if (audience == null || !audience.contains(kind.audience)) {
                throw notOurs(kind);
            }
            UUID id = JwtStaffCards.uuid(claims.getSubject());
            UUID society = JwtStaffCards.uuid(claims.getStringClaim(SOCIETY));
            return new GateToken(kind, id, new SocietyId(society));
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw notOurs(kind);
        }
    }

    private static String base64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Problem notOurs(Kind kind) {
        return Problem.invalid("qrToken", "is not a " + (kind == Kind.PRE_APPROVAL ? "pre-approval" : "gate pass")
                + " QR code issued by this society's gate system");
    }
}
