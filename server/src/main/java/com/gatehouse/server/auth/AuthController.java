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
import com.gatehouse.api.common.Phones;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.UserCommand.ActivateInvitedMember;
import com.gatehouse.api.directory.UserCommand.SignUpByPhone;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.push.Devices;
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

import java.time.Instant;
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
    private final OneTimeCodes codes;
    private final CommandSender sender;
    private final Devices devices;

    public AuthController(DirectoryReadModel directory, Credentials credentials, TokenIssuer issuer,
                          RefreshTokens refreshTokens, LoginThrottle throttle, SigningKeys keys,
                          ClientAddresses addresses, OneTimeCodes codes, CommandSender sender, Devices devices) {
        this.devices = devices;
        this.directory = directory;
        this.credentials = credentials;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.keys = keys;
        this.addresses = addresses;
        this.codes = codes;
        this.sender = sender;
    }

    public record OtpSendRequest(@NotBlank @Size(max = 32) String phone) {
    }

    public record OtpSendResponse(String phone, Instant expiresAt) {
    }

    public record OtpVerifyRequest(@NotBlank @Size(max = 32) String phone, @NotBlank @Size(max = 12) String code,
                                   @Size(max = 120) String name) {
    }

    /** Tokens as at login, and whether the account still has to go through onboarding (an APPLICANT). */
    public record OtpTokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
                                   UserSummary user, boolean requiresOnboarding) {
    }

    @PostMapping("/api/v1/auth/otp/send")
    @Operation(summary = "Send a one-time sign-in code by SMS", description = """
            Indian numbers in any usual form (9876543210, 09876543210, +91 98765 43210) are normalised to \
            +91XXXXXXXXXX; other numbers must start with +. A 6-digit code is sent (gatehouse.sms.provider: log \
            writes it to <data-dir>/sms.log) and works for 2 minutes (gatehouse.otp.ttl), once, with at most 5 \
            guesses. Sending again retires the previous code. At most 3 codes per phone and 10 per client address \
            within an hour (gatehouse.otp.*): 429 with Retry-After past that. Answers 202 {phone (normalised), \
            expiresAt} whether or not the phone has an account.""")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<OtpSendResponse> sendCode(@Valid @RequestBody OtpSendRequest body, ServerHttpRequest request) {
        String phone = Phones.normalise(body.phone(), "phone");
        String address = addresses.of(request);
        return Mono.fromCallable(() -> new OtpSendResponse(phone, codes.send(phone, address).expiresAt()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/api/v1/auth/otp/verify")
    @Operation(summary = "Sign in with a one-time code", description = """
            A right code signs in: an active user gets tokens as at login; an invited family member is activated \
            and signed in; an unknown phone becomes a new account (role APPLICANT, `name` optional, kept for the \
            profile) that may call only the onboarding, profile and upload endpoints until an admin approves its \
            onboarding request (requiresOnboarding: true); a deactivated account gets 401. A wrong, expired or \
            used code answers 400 (the detail says which, and how many tries are left).""")
    public Mono<OtpTokenResponse> verifyCode(@Valid @RequestBody OtpVerifyRequest body) {
        String phone = Phones.normalise(body.phone(), "phone");
        return Mono.fromCallable(() -> {
                    codes.verify(phone, body.code());
                    return directory.userByPhone(phone);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(known -> known.map(this::signIn).orElseGet(() -> signUp(phone, body.name())))
                .publishOn(Schedulers.boundedElastic())
                .map(user -> {
                    TokenResponse t = tokens(user, refreshTokens.issue(user.id()));
                    return new OtpTokenResponse(t.accessToken(), t.refreshToken(), t.tokenType(), t.expiresIn(),
                            t.user(), user.role() == Role.APPLICANT);
                });
    }

    /** An existing account: active signs in, invited is activated first, deactivated is refused. */
    private Mono<UserView> signIn(UserView user) {
        if (user.active()) {
            return Mono.just(user);
        }
        if (!user.invited()) {
            return Mono.error(new Problem(Problem.Kind.UNAUTHENTICATED, "This account is deactivated"));
        }
        var self = new Caller(user.id(), user.role(), user.societyId(), user.flatId());
        return sender.sendAndRead(self, new ActivateInvitedMember(new UserId(user.id())), new FindUser(user.id()),
                UserView.class);
    }

    private Mono<UserView> signUp(String phone, String name) {
        UUID id = UUID.randomUUID();
        var self = new Caller(id, Role.APPLICANT, null, null);
        return sender.sendAndRead(self, new SignUpByPhone(new UserId(id), phone, name), new FindUser(id),
                UserView.class);
    }

    public record LoginRequest(@NotBlank @Size(max = 32) String phone,
                               @NotBlank @MaxBytes(Passwords.MAX_BYTES) @KeepSpaces String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {
    }

    /** {@code deviceId}: the push device (POST /me/devices) of the phone that logs out, which stops receiving pushes. */
    public record LogoutRequest(@NotBlank @Size(max = 512) String refreshToken, UUID deviceId) {
    }

    /** {@code email}, {@code photoKey}: the profile (PATCH /auth/me), null until given. */
    public record UserSummary(UUID id, String name, String phone, Role role, UUID societyId, UUID flatId,
                              String email, String photoKey) {
        static UserSummary of(UserView user) {
            return new UserSummary(user.id(), user.name(), user.phone(), user.role(), user.societyId(), user.flatId(),
                    user.email(), user.photoKey());
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
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "Log out: revoke the refresh token (and its rotations)",
            description = "The live streams opened with this login's access tokens end within a second (LOGGED_OUT). "
                    + "With deviceId (one of the caller's push devices) that device is removed: no more pushes.")
    public Mono<Void> logout(Caller caller, @Valid @RequestBody LogoutRequest body) {
        return Mono.fromRunnable(() -> {
                    refreshTokens.revokeFamilyOf(body.refreshToken(), caller.userId());
                    if (body.deviceId() != null) {
                        devices.removeOnLogout(caller.userId(), body.deviceId());
                    }
                })
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    @GetMapping("/api/v1/auth/me")
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "The logged-in user", description = "{id, name, phone, role, societyId, flatId, email, "
            + "photoKey}; change the profile with PATCH /auth/me.")
    public Mono<UserSummary> me(Caller caller) {
        return Mono.fromCallable(() -> directory.user(caller.userId())
                        .map(UserSummary::of)
                        // a user of an external issuer has no directory entry: answer what the token says
                        .orElseGet(() -> new UserSummary(caller.userId(), null, null, caller.role(),
                                caller.societyId(), caller.flatId(), null, null)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "Public keys of the built-in token issuer")
    public Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject();
    }

    private Mono<TokenResponse> login(LoginRequest body, String address, Set<Role> admitted, String refusal) {
        String phone = Phones.stored(body.phone());
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
