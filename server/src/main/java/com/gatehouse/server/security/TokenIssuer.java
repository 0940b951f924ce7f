package com.gatehouse.server.security;

import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.server.config.GatehouseProperties;
import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Signs access tokens with the built-in issuer's current key (shared by every instance, see SigningKeys). */
@Component
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final GatehouseProperties.Jwt settings;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, GatehouseProperties properties, Clock clock) {
        // signs with the key the header names: the current one, shared by every instance (SigningKeys)
        this.encoder = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.privateKey())));
        this.keys = keys;
        this.settings = properties.jwt();
        this.clock = clock;
    }

    public Duration accessTokenTtl() {
        return settings.accessTokenTtl();
    }

    public String accessToken(UserView user) {
        return accessToken(user, null);
    }

    /** An access token of one login ({@code session}: its refresh-token family, may be null). */
    public String accessToken(UserView user, UUID session) {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTokenTtl()))
                .claim(Callers.ROLE, user.role().name());
        if (user.societyId() != null) {
            claims.claim(Callers.SOCIETY_ID, user.societyId().toString());
        }
        if (user.flatId() != null) {
            claims.claim(Callers.FLAT_ID, user.flatId().toString());
        }
        if (session != null) {
            claims.claim(Callers.SESSION_ID, session.toString());
        }
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.privateKey().getKeyID()).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
