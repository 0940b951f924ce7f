package com.gatehouse.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.BadJwtException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an access token's RS256 signature with the active key its {@code kid} names, and answers its claims (the
 * decoder then checks times and issuer). One verifier per key, made the first time the key is used and dropped
 * when the key changes or retires: turning a stored JWK into a Java key decodes its numbers, a few milliseconds of
 * every request else. A key this instance does not know yet is looked up off the event loop (another instance may
 * have rotated a moment ago). Every refusal is a {@link BadJwtException}, so the caller gets a 401.
 */
final class TokenVerifiers {

    private final SigningKeys keys;
    private final Map<String, Verifier> verifiers = new ConcurrentHashMap<>();

    private record Verifier(JWK key, JWSVerifier verifier) {
    }

    TokenVerifiers(SigningKeys keys) {
        this.keys = keys;
    }

    Mono<JWTClaimsSet> claims(JWT token) {
        if (!(token instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            return Mono.error(new BadJwtException("Only RS256-signed tokens are accepted"));
        }
        String kid = signed.getHeader().getKeyID();
        Mono<Optional<JWK>> key = keys.knows(kid) ? Mono.just(keys.verificationKey(kid))
                : Mono.fromCallable(() -> keys.verificationKey(kid)).subscribeOn(Schedulers.boundedElastic());
        return key.flatMap(found -> found.isEmpty()
                ? Mono.error(new BadJwtException("No active signing key " + kid))
                : Mono.fromCallable(() -> verified(signed, found.get())));
    }

    private JWTClaimsSet verified(SignedJWT token, JWK key) {
        try {
            if (!token.verify(verifier(key))) {
                throw new BadJwtException("Invalid signature");
            }
            return token.getJWTClaimsSet();
        } catch (JOSEException | ParseException e) {
            throw new BadJwtException("Unreadable token: " + e.getMessage(), e);
        }
    }

    private JWSVerifier verifier(JWK key) throws JOSEException {
        Verifier known = verifiers.get(key.getKeyID());
        if (known != null && known.key() == key) {
            return known.verifier();
        }
        if (!(key instanceof RSAKey rsa)) {
            throw new BadJwtException("Signing key " + key.getKeyID() + " is not an RSA key");
        }
        var made = new Verifier(key, new RSASSAVerifier(rsa.toRSAPublicKey()));
        verifiers.put(key.getKeyID(), made);
        // keys retired meanwhile leave with the next new one
        verifiers.keySet().removeIf(kid -> !keys.knows(kid));
        return made.verifier();
    }
}
