package com.gatehouse.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.Disposable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Live streams end when the right to them ends (deactivation, another role or flat, logout; token expiry is
 * {@link TokenExpiryTest}), on every instance, and are capped per connection and per user. Real RSocket
 * clients over WebSocket and TCP against the running server.
 */
class LiveStreamTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private LiveStreams liveStreams;

    @Autowired
    private HikariDataSource dataSource;

    /** One open notifications.stream as an app holds it: frames, and the error that ended it, with its time. */
    private static final class Watch implements AutoCloseable {
        final RSocketRequester connection;
        final List<JsonNode> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final AtomicLong endedAt = new AtomicLong();
        final Disposable subscription;

        Watch(RSocketRequester connection) {
            this.connection = connection;
            this.subscription = connection.route("notifications.stream").data(Map.of())
                    .retrieveFlux(JsonNode.class)
                    .subscribe(frames::add, e -> {
                        endedAt.set(System.nanoTime());
                        error.set(e);
                    }, () -> endedAt.set(System.nanoTime()));
        }

        /** The error that ended the stream, waited for. */
        Throwable awaitError() {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (endedAt.get() == 0 && System.nanoTime() < deadline) {
                pause(5);
            }
            assertThat(error.get()).as("the stream ended with an error").isNotNull();
            return error.get();
        }

        boolean open() {
            return endedAt.get() == 0;
        }

        @Override
        public void close() {
            subscription.dispose();
            connection.dispose();
        }
    }

    private Watch watch(Live.Transport transport, String token) {
        return new Watch(live().connect(transport, token));
    }

    /** Waits until the server counts this many open streams of the user (so they are live, not still opening). */
    private void awaitOpen(UUID user, int streams) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (liveStreams.openStreams(user) != streams) {
            if (System.nanoTime() > deadline) {
                fail("expected " + streams + " open streams of " + user + ", the server counts " + liveStreams.openStreams(user));
            }
            pause(5);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos, long then) {
        return Duration.ofNanos(then - nanos).toMillis();
    }

    @Test
    void deactivatingAUserEndsTheirStreamsOnBothTransportsWithinASecond() {
        var society = sharedSociety();
        Api.User guard = api().newUser(society.admin(), society.id(), "GUARD", null);
        try (Watch overWebSocket = watch(Live.Transport.WEBSOCKET, guard.token());
             Watch overTcp = watch(Live.Transport.TCP, guard.token())) {
            awaitOpen(guard.id(), 2);

            api().post(society.admin(), "/admin/societies/{s}/users/{u}/deactivate", Map.of(), society.id(), guard.id())
                    .exchange().expectStatus().isOk();
            long answered = System.nanoTime();

            for (Watch watch : List.of(overWebSocket, overTcp)) {
                assertThat(watch.awaitError()).hasMessageStartingWith("ACCESS_CHANGED").hasMessageContaining("deactivated");
                assertThat(millisSince(answered, watch.endedAt.get())).as("ms from the answer to the error frame")
                        .isLessThan(1000);
            }
            // the old token, still unexpired, opens no new stream
            try (Watch again = watch(Live.Transport.WEBSOCKET, guard.token())) {
                assertThat(again.awaitError()).hasMessageStartingWith("ACCESS_CHANGED");
            }
        }
    }

    @Test
    void movingAResidentToAnotherFlatEndsTheirStreamsAndANewLoginStreamsAgain() {
        var society = sharedSociety();
        Api.User resident = api().newUser(society.admin(), society.id(), "RESIDENT", society.flatA());
        try (Watch before = watch(Live.Transport.WEBSOCKET, resident.token())) {
            awaitOpen(resident.id(), 1);
            api().patch(society.admin(), "/admin/societies/{s}/users/{u}", Map.of("role", "RESIDENT",
                    "flatId", society.flatB().toString()), society.id(), resident.id()).exchange().expectStatus().isOk();
            long answered = System.nanoTime();
            assertThat(before.awaitError()).hasMessageStartingWith("ACCESS_CHANGED");
            assertThat(millisSince(answered, before.endedAt.get())).isLessThan(1000);
        }
        try (Watch stale = watch(Live.Transport.TCP, resident.token())) {
            assertThat(stale.awaitError()).as("the token still names flat A-101").hasMessageStartingWith("ACCESS_CHANGED");
        }
        Api.User again = api().login(resident.phone(), Api.PASSWORD);
        assertThat(again.flatId()).isEqualTo(society.flatB());
        try (Watch fresh = watch(Live.Transport.WEBSOCKET, again.token())) {
            awaitOpen(resident.id(), 1);
            pause(300);
            assertThat(fresh.open()).as("a stream with the new token stays open").isTrue();
        }
    }

    @Test
    void changingARoleEndsTheStreamsWithinASecond() {
        var society = sharedSociety();
        Api.User guard = api().newUser(society.admin(), society.id(), "GUARD", null);
        try (Watch watch = watch(Live.Transport.TCP, guard.token())) {
            awaitOpen(guard.id(), 1);
            api().patch(society.admin(), "/admin/societies/{s}/users/{u}", Map.of("role", "AUDITOR"),
                    society.id(), guard.id()).exchange().expectStatus().isOk();
            long answered = System.nanoTime();
            assertThat(watch.awaitError()).hasMessageStartingWith("ACCESS_CHANGED");
            assertThat(millisSince(answered, watch.endedAt.get())).isLessThan(1000);
        }
    }

    @Test
    void loggingOutEndsThatLoginsStreamsOnlyWithinASecond() {
        var society = sharedSociety();
        Api.User phone = api().newUser(society.admin(), society.id(), "RESIDENT", society.flatA());
        Api.User tablet = api().login(phone.phone(), Api.PASSWORD);
        try (Watch onPhone = watch(Live.Transport.WEBSOCKET, phone.token());
             Watch onTablet = watch(Live.Transport.TCP, tablet.token())) {
            awaitOpen(phone.id(), 2);

            api().post(phone, "/auth/logout", Map.of("refreshToken", phone.refreshToken()))
                    .exchange().expectStatus().isNoContent();
            long answered = System.nanoTime();

            assertThat(onPhone.awaitError()).hasMessageStartingWith("LOGGED_OUT");
            assertThat(millisSince(answered, onPhone.endedAt.get())).isLessThan(1000);
            pause(500);
            assertThat(onTablet.open()).as("the other login's stream goes on").isTrue();
            try (Watch again = watch(Live.Transport.WEBSOCKET, phone.token())) {
                assertThat(again.awaitError()).as("the logged-out login's access token opens no new stream")
                        .hasMessageStartingWith("LOGGED_OUT");
            }
        }
    }

    @Test
    void aSignalFromAnotherInstanceEndsTheStream() throws Exception {
        // another instance on the same database announces an access change: a NOTIFY from a connection of its own
        var society = sharedSociety();
        Api.User guard = api().newUser(society.admin(), society.id(), "GUARD", null);
        try (Watch watch = watch(Live.Transport.WEBSOCKET, guard.token());
             var otherInstance = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                     dataSource.getPassword())) {
            awaitOpen(guard.id(), 1);
            try (var notify = otherInstance.prepareStatement("select pg_notify('gatehouse_signals', ?)")) {
                notify.setString(1, "session.access-changed\n" + guard.id());
                notify.execute();
            }
            long sent = System.nanoTime();
            assertThat(watch.awaitError()).hasMessageStartingWith("ACCESS_CHANGED");
            assertThat(millisSince(sent, watch.endedAt.get())).isLessThan(1000);
        }
    }

    @Test
    void aConnectionCarriesAtMost32StreamsAndAUserAtMost64() {
        var society = sharedSociety();
        Api.User resident = api().newUser(society.admin(), society.id(), "RESIDENT", society.flatB());
        List<Watch> watches = new ArrayList<>();
        try {
            RSocketRequester first = live().connect(Live.Transport.WEBSOCKET, resident.token());
            for (int i = 0; i < 32; i++) {
                watches.add(new Watch(first));
            }
            awaitOpen(resident.id(), 32);
            Watch thirtyThird = new Watch(first);
            watches.add(thirtyThird);
            assertThat(thirtyThird.awaitError()).hasMessageStartingWith("TOO_MANY_STREAMS")
                    .hasMessageContaining("gatehouse.rsocket.max-streams-per-connection");

            RSocketRequester second = live().connect(Live.Transport.TCP, resident.token());
            for (int i = 0; i < 32; i++) {
                watches.add(new Watch(second));
            }
            awaitOpen(resident.id(), 64);
            Watch sixtyFifth = new Watch(live().connect(Live.Transport.WEBSOCKET, resident.token()));
            watches.add(sixtyFifth);
            assertThat(sixtyFifth.awaitError()).hasMessageStartingWith("TOO_MANY_STREAMS")
                    .hasMessageContaining("gatehouse.rsocket.max-streams-per-user");

            // the open ones are untouched, and a stream that ends frees its place
            assertThat(watches.stream().filter(Watch::open).count()).isEqualTo(64);
            watches.get(0).subscription.dispose();
            awaitOpen(resident.id(), 63);
            Watch again = new Watch(live().connect(Live.Transport.WEBSOCKET, resident.token()));
            watches.add(again);
            awaitOpen(resident.id(), 64);
            assertThat(again.open()).isTrue();
        } finally {
            watches.forEach(Watch::close);
        }
    }

    @Test
    void theTcpListenerListensOnLoopbackOnly() throws Exception {
        InetSocketAddress bound = rsocketTcp.address();
        assertThat(bound.getAddress().isLoopbackAddress()).as("bound to " + bound).isTrue();
        // from any other address of this machine, nobody answers
        for (var network : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : java.util.Collections.list(network.getInetAddresses())) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                    continue;
                }
                try (var socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, rsocketTcp.port()), 2000);
                    fail("the TCP listener answered on " + address);
                } catch (IOException refused) {
                    // expected
                }
            }
        }
    }
}
