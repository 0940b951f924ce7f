package com.gatehouse.server.support;

import com.gatehouse.server.GatehouseApplication;
import com.gatehouse.server.security.RSocketTcpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of every integration test: the whole server, for real. Embedded PostgreSQL, embedded S3Proxy,
 * HTTP and RSocket (WebSocket and TCP) on free ports, one fresh data directory per test JVM. All
 * subclasses share one running server (Spring's context cache); tests isolate themselves by making
 * their own society ({@link Api#newSociety()}), never by cleaning tables.
 */
@SpringBootTest(classes = GatehouseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gatehouse.rsocket.tcp-port=0",
                "gatehouse.admin.phone=" + Api.ADMIN_PHONE,
                "gatehouse.admin.password=" + Api.ADMIN_PASSWORD,
                // the test client is the proxy: each Api names its own client address in X-Forwarded-For
                "gatehouse.trusted-proxies=127.0.0.1,::1",
                "gatehouse.login.max-failures-per-address=12",
                "gatehouse.entry-request.expiry=PT2S",
                "gatehouse.entry-request.overstay=PT3S",
                "gatehouse.staff.repeat-scan-window=PT2S",
                "gatehouse.staff.auto-checkout-after=PT10S",
                "gatehouse.dead-letters.first-retry-after=PT3S",
                "gatehouse.dead-letters.max-retry-backoff=PT6S",
                "gatehouse.dead-letters.retry-check-interval=PT1S",
                "gatehouse.push.first-retry-after=PT0.3S",
                "gatehouse.push.max-retry-after=PT2S",
                "gatehouse.push.lease=PT2S",
                "gatehouse.push.poll-interval=PT0.5S",
                "gatehouse.emergency.escalate-after=PT3S",
                "server.shutdown=immediate",
                "spring.lifecycle.timeout-per-shutdown-phase=1s"
        })
public abstract class IntegrationTest {

    public static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("gatehouse-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("gatehouse.data-dir", DATA_DIR::toString);
        // pushes go to a local server that answers like FCM HTTP v1 and Web Push (PushDeliveryTest)
        FakePushServer push = FakePushServer.get();
        registry.add("gatehouse.push.provider", () -> "fcm");
        registry.add("gatehouse.push.fcm.project-id", () -> "gatehouse-test");
        registry.add("gatehouse.push.fcm.credentials", () -> push.credentials().toString());
        registry.add("gatehouse.push.fcm.endpoint", push::url);
        registry.add("gatehouse.push.web-push.public-key", push::vapidPublicKey);
        registry.add("gatehouse.push.web-push.private-key", push::vapidPrivateKey);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected RSocketTcpServer rsocketTcp;

    @Autowired
    protected RSocketStrategies rsocketStrategies;

    private Api api;
    private static final Map<Class<?>, Api.Society> SHARED_SOCIETIES = new ConcurrentHashMap<>();

    /** The HTTP API of the running server. */
    protected Api api() {
        if (api == null) {
            api = new Api(port);
        }
        return api;
    }

    /**
     * A society this test class shares across its tests, made on first use: for tests that look only at
     * what they themselves create in it.
     */
    protected Api.Society sharedSociety() {
        return SHARED_SOCIETIES.computeIfAbsent(getClass(), testClass -> api().newSociety());
    }

    /** RSocket clients of the running server, over WebSocket or TCP. */
    protected Live live() {
        return new Live(port, rsocketTcp.port(), rsocketStrategies);
    }
}
