package com.gatehouse.server.auth;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.api.common.Phones;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SessionSignals;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.directory.UserCommand.ChangePassword;
import com.gatehouse.api.directory.UserCommand.ResetPassword;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.KeepSpaces;
import com.gatehouse.command.common.MaxBytes;
import com.gatehouse.command.directory.Credentials;
import com.gatehouse.command.directory.Passwords;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.server.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.UUID;

/**
 * Passwords: a user changes their own (the old one required, throttled like login), an admin resets one to a
 * temporary password the user must change before they can log in again. Hashes go only to the command side's
 * {@link Credentials} (in the command's transaction); events say only that it happened.
 */
@RestController
@Tag(name = "Auth")
public class PasswordController {

    private static final String DUMMY_HASH = Passwords.hash("not-a-password-either");

    private final DirectoryReadModel directory;
    private final Credentials credentials;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final CommandSender sender;
    private final RefreshTokens refreshTokens;
    private final ClusterSignals signals;

    public PasswordController(DirectoryReadModel directory, Credentials credentials, LoginThrottle throttle,
                              ClientAddresses addresses, CommandSender sender, RefreshTokens refreshTokens,
                              ClusterSignals signals) {
        this.directory = directory;
        this.credentials = credentials;
        this.throttle = throttle;
        this.addresses = addresses;
        this.sender = sender;
        this.refreshTokens = refreshTokens;
        this.signals = signals;
    }

    public record ChangePasswordRequest(@NotBlank @Size(max = 32) String phone,
                                        @NotBlank @MaxBytes(Passwords.MAX_BYTES) @KeepSpaces String oldPassword,
                                        @NotBlank @Size(min = 8) @MaxBytes(Passwords.MAX_BYTES) @KeepSpaces
                                        String newPassword) {
    }

    public record ResetPasswordRequest(@NotBlank @Size(min = 8) @MaxBytes(Passwords.MAX_BYTES) @KeepSpaces
                                       String temporaryPassword) {
    }

    @PostMapping("/api/v1/auth/change-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your password (the old one required)", description = """
            No token needed: {phone, oldPassword, newPassword (at least 8 characters, another than the old one)}. \\
            Also how a user whose password an admin reset (login answers 403 until then) chooses a new one. Wrong \\
            phone or old password: 401, counted and limited exactly as login failures (429 with Retry-After). Every \\
            login of the user ends (refresh tokens revoked, live streams closed); log in with the new password.""")
    public Mono<Void> change(@Valid @RequestBody ChangePasswordRequest body, ServerHttpRequest request) {
        String phone = Phones.stored(body.phone());
        String address = addresses.of(request);
        return Mono.fromCallable(() -> {
                    var attempt = throttle.begin(phone, address);
                    var found = directory.userByPhone(phone);
                    var stored = found.flatMap(u -> credentials.passwordHash(new UserId(u.id())));
                    if (!Passwords.matches(body.oldPassword(), stored.orElse(DUMMY_HASH)) || stored.isEmpty()) {
                        throw new Problem(Problem.Kind.UNAUTHENTICATED, "Wrong phone number or password");
                    }
                    attempt.succeeded();
                    UserView user = found.get();
                    if (!user.active()) {
                        throw new Problem(Problem.Kind.UNAUTHENTICATED, "This account is deactivated");
                    }
                    if (body.newPassword().equals(body.oldPassword())) {
                        throw Problem.invalid("newPassword", "must differ from the old password");
                    }
                    return new Object[]{user, Passwords.hash(body.newPassword())};
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> {
                    UserView user = (UserView) found[0];
                    var self = new Caller(user.id(), user.role(), user.societyId(), user.flatId());
                    return sender.send(self, new ChangePassword(new UserId(user.id()), (String) found[1]))
                            .then(endSessions(user.id()));
                });
    }

    @PostMapping("/api/v1/admin/societies/{societyId}/users/{userId}/reset-password")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Reset a user's password to a temporary one", description = """
            Body {temporaryPassword} (at least 8 characters), handed to the user by the admin. The user's logins \\
            end at once; login with the temporary password answers 403 until they choose a new one with POST \\
            /auth/change-password {phone, oldPassword: the temporary one, newPassword}. Another society's user is \\
            404. Answers the user.""")
    public Mono<UserView> reset(Caller caller, @PathVariable UUID societyId, @PathVariable UUID userId,
                                @Valid @RequestBody ResetPasswordRequest body) {
        caller.requireSociety(societyId, "Society");
        return sender.find(new FindUser(userId), UserView.class)
                .filter(user -> societyId.equals(user.societyId()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("User")))
                .flatMap(user -> Mono.fromCallable(() -> Passwords.hash(body.temporaryPassword()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(hash -> sender.sendAndRead(caller, new ResetPassword(new UserId(userId), hash,
                        new UserId(caller.userId())), new FindUser(userId), UserView.class))
                .flatMap(user -> endSessions(userId).thenReturn(user));
    }

    /** Every login of the user ends: refresh tokens revoked, live streams closed on every instance. */
    private Mono<Void> endSessions(UUID userId) {
        return Mono.fromRunnable(() -> {
            refreshTokens.revokeAllOf(userId);
            SessionSignals.accessChanged(signals, userId);
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
