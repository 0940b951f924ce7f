package com.gatehouse.server.auth;

import com.gatehouse.api.common.Caller;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.server.security.Callers;
import com.gatehouse.server.security.LiveStreams;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a still-unexpired access token still stands for its account when a live stream opens: the user
 * is active with the token's role, society and flat, and the login it belongs to was not logged out. Users
 * unknown to the directory (an external issuer's) are judged by their token alone.
 */
@Component
public class SessionCheck implements LiveStreams.AccessCheck {

    private final DirectoryReadModel directory;
    private final RefreshTokens refreshTokens;

    public SessionCheck(DirectoryReadModel directory, RefreshTokens refreshTokens) {
        this.directory = directory;
        this.refreshTokens = refreshTokens;
    }

    @Override
    public Optional<String> refusal(Caller caller, Jwt token) {
        var user = directory.user(caller.userId());
        if (user.isPresent()) {
            if (!user.get().active()) {
                return Optional.of(LiveStreams.ACCESS_CHANGED + ": This account is deactivated");
            }
            if (user.get().role() != caller.role() || !Objects.equals(user.get().societyId(), caller.societyId())
                    || !Objects.equals(user.get().flatId(), caller.flatId())) {
                return Optional.of(LiveStreams.ACCESS_CHANGED + ": This token's role or flat is no longer the "
                        + "account's: log in again for a token with the new access");
            }
        }
        String session = token.getClaimAsString(Callers.SESSION_ID);
        if (user.isPresent() && session != null && !refreshTokens.sessionActive(UUID.fromString(session))) {
            return Optional.of(LiveStreams.LOGGED_OUT + ": This login was logged out: log in again");
        }
        return Optional.empty();
    }
}
