package com.gatehouse.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.Live;
import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.test.StepVerifier;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live connection lives no longer than its access token: on a server whose tokens last 3 seconds, a stream
 * ends with an error frame saying the token expired, the connection closes, and the app reconnects with a
 * refreshed token.
 */
class TokenExpiryTest {

    @TempDir
    Path dataDir;

    @Test
    void aStreamEndsWhenItsTokenExpiresAndARefreshedTokenStreamsAgain() {
        try (var server = StandaloneServer.start(dataDir, "gatehouse.jwt.access-token-ttl=PT3S")) {
            Api api = server.api();
            Live live = server.live();
            Api.User admin = api.platformAdmin();
            Instant loggedIn = Instant.now();

            RSocketRequester connection = live.connect(Live.Transport.WEBSOCKET, admin);
            io.rsocket.RSocket socket = connection.rsocketClient().source().block(Duration.ofSeconds(10));
            StepVerifier.create(connection.route("notifications.stream").data(Map.of()).retrieveFlux(JsonNode.class))
                    .expectSubscription()
                    .thenConsumeWhile(frame -> true)
                    .expectErrorSatisfies(error -> {
                        assertThat(error).hasMessageStartingWith("TOKEN_EXPIRED").hasMessageContaining("reconnect");
                        assertThat(Duration.between(loggedIn, Instant.now())).as("ended at the token's expiry")
                                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(6));
                    })
                    .verify(Duration.ofSeconds(15));
            // the server closes the expired connection
            StepVerifier.create(socket.onClose().onErrorResume(closed -> reactor.core.publisher.Mono.empty()))
                    .expectComplete().verify(Duration.ofSeconds(5));
            assertThat(socket.isDisposed()).isTrue();

            // the app refreshes and reconnects
            JsonNode fresh = api.client().post().uri("/api/v1/auth/refresh")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("refreshToken", admin.refreshToken()))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            RSocketRequester again = live.connect(Live.Transport.WEBSOCKET, fresh.get("accessToken").asText());
            StepVerifier.create(again.route("auth.me").retrieveMono(JsonNode.class))
                    .assertNext(me -> assertThat(me.get("userId").asText()).isEqualTo(admin.id().toString()))
                    .verifyComplete();
            again.dispose();
        }
    }
}
