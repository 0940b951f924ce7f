package com.gatehouse.server.support;

import io.rsocket.metadata.WellKnownMimeType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import java.net.URI;

/** Real RSocket clients of the running server, as the apps connect: JWT in the setup frame. */
public final class Live {

    public static final MimeType BEARER = MimeTypeUtils.parseMimeType(
            WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());

    public enum Transport { WEBSOCKET, TCP }

    private final int httpPort;
    private final int tcpPort;
    private final RSocketStrategies strategies;

    Live(int httpPort, int tcpPort, RSocketStrategies strategies) {
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.strategies = strategies.mutate().encoder(new BearerTokenAuthenticationEncoder()).build();
    }

    /** Clients of a {@link StandaloneServer} (WebSocket only: it runs no TCP listener). */
    public static Live of(StandaloneServer server) {
        return new Live(server.port(), -1, server.context().getBean(RSocketStrategies.class));
    }

    /** A connection authenticated with the user's token (connects lazily, on the first request). */
    public RSocketRequester connect(Transport transport, Api.User user) {
        return connect(transport, user == null ? null : user.token());
    }

    public RSocketRequester connect(Transport transport, String token) {
        var builder = RSocketRequester.builder().rsocketStrategies(strategies)
                .dataMimeType(MimeTypeUtils.APPLICATION_JSON);
        if (token != null) {
            builder.setupMetadata(new BearerTokenMetadata(token), BEARER);
        }
        return switch (transport) {
            case WEBSOCKET -> builder.websocket(URI.create("ws://localhost:" + httpPort + "/rsocket"));
            case TCP -> builder.tcp("localhost", tcpPort);
        };
    }

    /**
     * The user's {@code notifications.stream} as JSON notification objects: their unread notifications
     * first, then new ones and read-state changes, live. Subscribing connects; cancelling closes the
     * connection. Unread notifications sent before the stream is live still arrive (in its first part),
     * so a test need not wait for it to be live before triggering one.
     */
    public reactor.core.publisher.Flux<com.fasterxml.jackson.databind.JsonNode> notifications(Transport transport,
                                                                                               Api.User user) {
        return notifications(transport, user, null);
    }

    /** The same, resuming after a notification id or an ISO-8601 time ({@code since}; null for none). */
    public reactor.core.publisher.Flux<com.fasterxml.jackson.databind.JsonNode> notifications(Transport transport,
                                                                                               Api.User user,
                                                                                               String since) {
        return reactor.core.publisher.Flux.using(() -> connect(transport, user),
                requester -> requester.route("notifications.stream")
                        .data(since == null ? java.util.Map.of() : java.util.Map.of("since", since))
                        .retrieveFlux(com.fasterxml.jackson.databind.JsonNode.class),
                RSocketRequester::dispose);
    }
}
