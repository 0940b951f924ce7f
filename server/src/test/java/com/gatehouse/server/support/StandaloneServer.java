package com.gatehouse.server.support;

import com.gatehouse.server.GatehouseApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server of its own on a given data directory, for tests that stop and start it (restarts,
 * deadlines across restarts). Separate from the shared {@link IntegrationTest} server.
 */
public final class StandaloneServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StandaloneServer start(Path dataDir, String... settings) {
        return start(dataDir, true, settings);
    }

    /** A first start with no gatehouse.admin.password: the server generates one (initial-admin.txt). */
    public static StandaloneServer startWithGeneratedAdminPassword(Path dataDir, String... settings) {
        return start(dataDir, false, settings);
    }

    private static StandaloneServer start(Path dataDir, boolean adminPassword, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--gatehouse.data-dir=" + dataDir,
                "--server.port=0",
                "--gatehouse.rsocket.tcp-port=-1",
                "--gatehouse.admin.phone=" + Api.ADMIN_PHONE,
                "--server.shutdown=immediate",
                "--spring.lifecycle.timeout-per-shutdown-phase=1s"));
        if (adminPassword) {
            args.add("--gatehouse.admin.password=" + Api.ADMIN_PASSWORD);
        }
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new StandaloneServer(SpringApplication.run(GatehouseApplication.class, args.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public Api api() {
        return new Api(port());
    }

    /** RSocket clients of this server (WebSocket; TCP only when the settings turn its listener on). */
    public Live live() {
        return new Live(port(), context.getBean(com.gatehouse.server.security.RSocketTcpServer.class).port(),
                context.getBean(org.springframework.messaging.rsocket.RSocketStrategies.class));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
