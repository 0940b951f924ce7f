package com.gatehouse.server.security;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.api.common.SessionSignals;
import com.gatehouse.server.config.GatehouseProperties;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.RejectedException;
import io.rsocket.plugins.SocketAcceptorInterceptor;
import io.rsocket.util.RSocketProxy;
import org.reactivestreams.Publisher;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Live streams (RSocket request-stream and request-channel, over WebSocket and TCP) last no longer than the
 * right to them. Each ends with an error frame whose message starts with a code a client can act on:
 * <ul>
 *   <li>{@value #TOKEN_EXPIRED}: the connection's access token expired (its {@code exp}); reconnect with a
 *       fresh token. Requests on that connection are refused from then on and it is closed.</li>
 *   <li>{@value #ACCESS_CHANGED}: the user was deactivated or given another role or flat; log in (or refresh)
 *       again: the new token carries the new access.</li>
 *   <li>{@value #LOGGED_OUT}: the login the token belongs to was logged out.</li>
 *   <li>{@value #TOO_MANY_STREAMS} (a REJECTED frame): more concurrent streams than
 *       {@code gatehouse.rsocket.max-streams-per-connection} or {@code max-streams-per-user} allow.</li>
 * </ul>
 * Deactivation, role or flat changes and logouts reach every instance through {@link ClusterSignals}
 * ({@link SessionSignals}); a stream opened with a token that no longer matches the account is refused with
 * the same codes. This interceptor must sit inside Spring Security's (registered before it), so that each
 * request runs with the connection's authentication.
 */
public class LiveStreams implements SocketAcceptorInterceptor {

    public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    public static final String ACCESS_CHANGED = "ACCESS_CHANGED";
    public static final String LOGGED_OUT = "LOGGED_OUT";
    public static final String TOO_MANY_STREAMS = "TOO_MANY_STREAMS";
    /** Time for the error frames to reach the client before its connection closes. */
    static final Duration CLOSE_GRACE = Duration.ofMillis(200);

    /** Whether a token still matches its account: empty when it does, else the error to end with. */
    public interface AccessCheck {
        Optional<String> refusal(Caller caller, Jwt token);
    }

    private final AccessCheck check;
    private final Clock clock;
    private final int perConnection;
    private final int perUser;
    private final Map<UUID, Set<LiveStream>> byUser = new ConcurrentHashMap<>();

    public LiveStreams(AccessCheck check, ClusterSignals signals, GatehouseProperties.Rsocket settings, Clock clock) {
        this.check = check;
        this.clock = clock;
        this.perConnection = settings.maxStreamsPerConnection();
        this.perUser = settings.maxStreamsPerUser();
        signals.subscribe(SessionSignals.ACCESS_CHANGED, payload -> end(UUID.fromString(payload.strip()), null,
                ACCESS_CHANGED + ": This account was changed (deactivated, or given another role or flat): "
                        + "log in again for a token with the new access"));
        signals.subscribe(SessionSignals.LOGGED_OUT, payload -> {
            String[] parts = payload.strip().split(" ");
            end(UUID.fromString(parts[0]), UUID.fromString(parts[1]),
                    LOGGED_OUT + ": This login was logged out: log in again");
        });
    }

    /** How many streams of this user are open on this instance. */
    public int openStreams(UUID userId) {
        Set<LiveStream> streams = byUser.get(userId);
        return streams == null ? 0 : streams.size();
    }

    @Override
    public SocketAcceptor apply(SocketAcceptor delegate) {
        return (setup, sendingSocket) -> delegate.accept(setup, sendingSocket)
                .map(responder -> new GuardedConnection(responder, new Connection(sendingSocket)));
    }

    /** Ends the user's streams (of one login when {@code session} is set) on this instance. */
    private void end(UUID user, UUID session, String message) {
        List<LiveStream> ending = new ArrayList<>();
        byUser.computeIfPresent(user, (id, streams) -> {
            for (LiveStream stream : streams) {
                if (session == null || session.equals(stream.session)) {
                    ending.add(stream);
                }
            }
            return streams;
        });
        for (LiveStream stream : ending) {
            stream.connection.close(message);
            stream.end.tryEmitError(new ApplicationErrorException(message));
        }
    }

    private static String expired(Instant at) {
        return TOKEN_EXPIRED + ": The access token expired at " + at + ": reconnect with a fresh token";
    }

    private static UUID sessionOf(Jwt token) {
        String session = token.getClaimAsString(Callers.SESSION_ID);
        try {
            return session == null ? null : UUID.fromString(session);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One client connection: its stream count and, once it must go, why. */
    private static final class Connection {
        final RSocket socket;
        final AtomicInteger streams = new AtomicInteger();
        final AtomicReference<String> closing = new AtomicReference<>();

        Connection(RSocket socket) {
            this.socket = socket;
        }

        /** Refuses everything from now on and closes the connection once the error frames are out. */
        void close(String message) {
            if (closing.compareAndSet(null, message)) {
                Mono.delay(CLOSE_GRACE).subscribe(tick -> socket.dispose());
            }
        }
    }

    private static final class LiveStream {
        final UUID session;
        final Connection connection;
        final Sinks.Empty<Void> end = Sinks.empty();

        LiveStream(UUID session, Connection connection) {
            this.session = session;
            this.connection = connection;
        }
    }

    private final class GuardedConnection extends RSocketProxy {
        private final Connection connection;

        GuardedConnection(RSocket source, Connection connection) {
            super(source);
            this.connection = connection;
        }

        @Override
        public Mono<Void> fireAndForget(Payload payload) {
            return token().flatMap(token -> {
                Optional<String> refusal = refusedAtOnce(token);
                if (refusal.isPresent()) {
                    payload.release();
                    return Mono.error(new ApplicationErrorException(refusal.get()));
                }
                return super.fireAndForget(payload);
            });
        }

        @Override
        public Mono<Payload> requestResponse(Payload payload) {
            return token().flatMap(token -> {
                Optional<String> refusal = refusedAtOnce(token);
                if (refusal.isPresent()) {
                    payload.release();
                    return Mono.error(new ApplicationErrorException(refusal.get()));
                }
                return super.requestResponse(payload);
            });
        }

        @Override
        public Flux<Payload> requestStream(Payload payload) {
            return token().flatMapMany(token -> guard(token, payload::release, () -> super.requestStream(payload)));
        }

        @Override
        public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
            return token().flatMapMany(token -> guard(token,
                    () -> Flux.from(payloads).subscribe(Payload::release, error -> { }),
                    () -> super.requestChannel(payloads)));
        }

        /** The token this request runs with (the setup frame's, or the request's own); empty Optional if none. */
        private Mono<Optional<Jwt>> token() {
            return ReactiveSecurityContextHolder.getContext()
                    .map(context -> context.getAuthentication() instanceof JwtAuthenticationToken jwt
                            ? Optional.of(jwt.getToken()) : Optional.<Jwt>empty())
                    .defaultIfEmpty(Optional.empty());
        }

        /** Refusals known without asking anyone: the connection is closing, or the token has expired. */
        private Optional<String> refusedAtOnce(Optional<Jwt> token) {
            String closing = connection.closing.get();
            if (closing != null) {
                return Optional.of(closing);
            }
            Instant expiresAt = token.map(Jwt::getExpiresAt).orElse(null);
            if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
                String message = expired(expiresAt);
                connection.close(message);
                return Optional.of(message);
            }
            return Optional.empty();
        }

        private Flux<Payload> guard(Optional<Jwt> token, Runnable release, Supplier<Flux<Payload>> open) {
            Optional<String> refusal = refusedAtOnce(token);
            if (refusal.isPresent()) {
                release.run();
                return Flux.error(new ApplicationErrorException(refusal.get()));
            }
            if (token.isEmpty()) {
                return open.get();
            }
            Jwt jwt = token.get();
            Caller caller = Callers.fromJwt(jwt);
            LiveStream stream = new LiveStream(sessionOf(jwt), connection);
            // count first, check the account second: a change signalled meanwhile still finds this stream
            if (connection.streams.incrementAndGet() > perConnection) {
                connection.streams.decrementAndGet();
                release.run();
                return Flux.error(new RejectedException(TOO_MANY_STREAMS + ": At most " + perConnection
                        + " live streams at once on one connection (gatehouse.rsocket.max-streams-per-connection)"));
            }
            if (!register(caller.userId(), stream)) {
                connection.streams.decrementAndGet();
                release.run();
                return Flux.error(new RejectedException(TOO_MANY_STREAMS + ": At most " + perUser
                        + " live streams at once for one user (gatehouse.rsocket.max-streams-per-user)"));
            }
            Instant expiresAt = jwt.getExpiresAt();
            Mono<Void> expiry = expiresAt == null ? Mono.never()
                    : Mono.delay(Duration.between(clock.instant(), expiresAt).plusMillis(1))
                    .then(Mono.fromRunnable(() -> connection.close(expired(expiresAt))))
                    .then(Mono.error(() -> new ApplicationErrorException(expired(expiresAt))));
            return Mono.fromCallable(() -> check.refusal(caller, jwt))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMapMany(accountRefusal -> {
                        if (accountRefusal.isPresent()) {
                            release.run();
                            connection.close(accountRefusal.get());
                            return Flux.<Payload>error(new ApplicationErrorException(accountRefusal.get()));
                        }
                        return open.get().takeUntilOther(Mono.firstWithSignal(stream.end.asMono(), expiry));
                    })
                    .doFinally(signal -> {
                        connection.streams.decrementAndGet();
                        unregister(caller.userId(), stream);
                    });
        }
    }

    private boolean register(UUID user, LiveStream stream) {
        boolean[] added = {false};
        byUser.compute(user, (id, streams) -> {
            Set<LiveStream> set = streams == null ? new HashSet<>() : streams;
            if (set.size() < perUser) {
                set.add(stream);
                added[0] = true;
            }
            return set.isEmpty() ? null : set;
        });
        return added[0];
    }

    private void unregister(UUID user, LiveStream stream) {
        byUser.computeIfPresent(user, (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }
}
