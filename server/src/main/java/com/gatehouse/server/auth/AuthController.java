package com.gatehouse.server.auth;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.command.common.KeepSpaces;
import com.gatehouse.command.common.MaxBytes;
import com.gatehouse.command.directory.Credentials;
import com.gatehouse.command.directory.Passwords;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.server.security.SigningKeys;
import com.gatehouse.server.security.TokenIssuer;
import com.gatehouse.server.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Login, refresh, logout and "who am I" for the built-in issuer, and its public keys (JWKS).
 * Wrong phone and wrong password answer the same 401, so phone numbers cannot be probed.
 */
@RestController
@Tag(name = "Auth")
public class AuthController {

    private static final String WRONG_CREDENTIALS = "Phone number or password is wrong";
    /** A real hash to compare against when the phone is unknown, so both cases take equally long. */
    private static final String DUMMY_HASH = Passwords.hash("not-a-password");

    private final DirectoryReadModel directory;
    private final Credentials credentials;
    private final TokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final SigningKeys keys;
    private final ClientAddresses addresses;

    public AuthController(DirectoryReadModel directory, Credentials credentials, TokenIssuer issuer,
                          RefreshTokens refreshTokens, LoginThrottle throttle, SigningKeys keys,
                          ClientAddresses addresses) {
        this.directory = directory;
        this.credentials = credentials;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.keys = keys;
        this.addresses = addresses;
    }

    public record LoginRequest(@NotBlank @Size(max = 32) String phone,
                               @NotBlank @MaxBytes(Passwords.MAX_BYTES) @KeepSpaces String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {
    }

    public record UserSummary(UUID id, String name, String phone, Role role, UUID societyId, UUID flatId) {
        static UserSummary of(UserView user) {
            return new UserSummary(user.id(), user.name(), user.phone(), user.role(), user.societyId(), user.flatId());
        }
    }

    public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
                                UserSummary user) {
    }

    @PostMapping("/api/v1/auth/login")
    @Operation(summary = "Log in with phone and password", description = "Any role. 401 on wrong credentials; "
            + "429 with Retry-After after 5 failures for one phone from one client address within 15 minutes "
            + "(the right password still works from another address), or 50 failures from one address whatever "
            + "the phone (gatehouse.login.*). The same limits hold for the resident-app and guard-app logins.")
    public Mono<TokenResponse> login(@Valid @RequestBody LoginRequest body, ServerHttpRequest request) {
        return login(body, addresses.of(request), Set.of(Role.values()), null);
    }

    @PostMapping("/api/v1/auth/resident-app/login")
    @Operation(summary = "Log in from the resident app", description = "Admits RESIDENT and ADMIN only (403 for other roles).")
    public Mono<TokenResponse> residentAppLogin(@Valid @RequestBody LoginRequest body, ServerHttpRequest request) {
        return login(body, addresses.of(request), Set.of(Role.RESIDENT, Role.ADMIN), "The resident app is for residents and admins");
    }

    @PostMapping("/api/v1/auth/guard-app/login")
    @Operation(summary = "Log in from the guard app", description = "Admits GUARD only (403 for other roles).")
    public Mono<TokenResponse> guardAppLogin(@Valid @RequestBody LoginRequest body, ServerHttpRequest request) {
        return login(body, addresses.of(request), Set.of(Role.GUARD), "The guard app is for guards");
    }

    @PostMapping("/api/v1/auth/refresh")
    @Operation(summary = "Trade a refresh token for new tokens",
            description = "Refresh tokens rotate: each works once. Reusing a used one revokes that login everywhere (401).")
    public Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest body) {
        return Mono.fromCallable(() -> {
            var rotation = refreshTokens.rotate(body.refreshToken()).orElseThrow(() ->
                    new Problem(Problem.Kind.UNAUTHENTICATED, "The refresh token is invalid, expired or already used"));
            UserView user = directory.user(rotation.userId()).filter(UserView::active).orElseThrow(() -> {
                refreshTokens.revokeAllOf(rotation.userId());
                return new Problem(Problem.Kind.UNAUTHENTICATED, "This account is deactivated");
            });
            return tokens(user, rotation.refreshToken());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/api/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "Log out: revoke the refresh token (and its rotations)",
            description = "The live streams opened with this login's access tokens end within a second (LOGGED_OUT).")
    public Mono<Void> logout(Caller caller, @Valid @RequestBody RefreshRequest body) {
        return Mono.fromRunnable(() -> refreshTokens.revokeFamilyOf(body.refreshToken(), caller.userId()))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    @GetMapping("/api/v1/auth/me")
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    @Operation(summary = "The logged-in user")
    public Mono<UserSummary> me(Caller caller) {
        return Mono.fromCallable(() -> directory.user(caller.userId())
                        .map(UserSummary::of)
                        // a user of an external issuer has no directory entry: answer what the token says
                        .orElseGet(() -> new UserSummary(caller.userId(), null, null, caller.role(),
                                caller.societyId(), caller.flatId())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "Public keys of the built-in token issuer")
    public Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject();
    }

    private Mono<TokenResponse> login(LoginRequest body, String address, Set<Role> admitted, String refusal) {
        String phone = body.phone().strip();
        return Mono.fromCallable(() -> {
            var attempt = throttle.begin(phone, address); // counted as a failure unless it succeeds
            var found = directory.userByPhone(phone);
            var stored = found.flatMap(u -> credentials.passwordHash(new UserId(u.id())));
            if (!Passwords.matches(body.password(), stored.orElse(DUMMY_HASH)) || stored.isEmpty()) {
                throw new Problem(Problem.Kind.UNAUTHENTICATED, WRONG_CREDENTIALS);
            }
            attempt.succeeded();
            UserView user = found.get();
            if (!user.active()) {
                throw new Problem(Problem.Kind.UNAUTHENTICATED, "This account is deactivated");
            }
            if (!admitted.contains(user.role())) {
                throw Problem.forbidden(refusal);
            }
            return tokens(user, refreshTokens.issue(user.id()));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private TokenResponse tokens(UserView user, String refreshToken) {
        return new TokenResponse(issuer.accessToken(user, refreshTokens.sessionOf(refreshToken)), refreshToken, "Bearer",
                issuer.accessTokenTtl().toSeconds(), UserSummary.of(user));
    }
}
