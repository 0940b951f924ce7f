package com.gatehouse.server.security;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/** The built-in issuer's signing keys (shared by every instance): list, rotate, retire. */
@RestController
@RequestMapping("/api/v1/admin/signing-keys")
@Tag(name = "Signing keys")
public class SigningKeysController {

    private final SigningKeys keys;

    public SigningKeysController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Every signing key, newest first",
            description = "Response: {keys: [{kid, algorithm, createdAt, retiredAt, signing}]}; public parts at /.well-known/jwks.json.")
    public Mono<Map<String, List<SigningKeys.KeyInfo>>> list(Caller caller) {
        return Mono.fromCallable(() -> Map.of("keys", keys.list())).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/rotate")
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Make a new signing key: it signs from now on, on every instance within 30 s",
            description = "Older keys keep verifying (tokens, printed staff cards) until retired. Response: the keys.")
    public Mono<Map<String, List<SigningKeys.KeyInfo>>> rotate(Caller caller) {
        return Mono.fromCallable(() -> {
            keys.rotate();
            return Map.of("keys", keys.list());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @DeleteMapping("/{kid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Retire a key: tokens and staff cards it signed are refused from then on",
            description = "409 for the key that signs now (rotate first); 404 for an unknown or retired key.")
    public Mono<Void> retire(Caller caller, @PathVariable String kid) {
        return Mono.<Void>fromRunnable(() -> keys.retire(kid)).subscribeOn(Schedulers.boundedElastic());
    }
}
