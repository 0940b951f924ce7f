package com.gatehouse.server.support;

import com.gatehouse.server.GatehouseApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.client.ReactorResourceFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A server of its own on a given data directory, for tests that stop and start it (restarts,
 * deadlines across restarts). Separate from the shared {@link IntegrationTest} server.
 */
public final class StandaloneServer implements AutoCloseable {

    /** A privacy master key for instances of one test that share a database (base64 of 32 bytes). */
    public static final String SHARED_MASTER_KEY = java.util.Base64.getEncoder().encodeToString(new byte[]{
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
            31, 32});

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
        return new StandaloneServer(new SpringApplicationBuilder(GatehouseApplication.class)
                .initializers(StandaloneServer::ownNettyResources)
                .run(arguments(dataDir, adminPassword, settings)));
    }

    /**
     * Netty's event loops of this server alone: by default every server in a JVM shares Reactor's global ones,
     * and closing one server would stop the others' HTTP listeners (two instances running side by side).
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ReactorResourceFactory resources) {
                    resources.setUseGlobalResources(false);
                }
                return bean;
            }
        });
    }

    /**
     * A server that joins another: {@code environment} holds environment variables (as in the other's
     * {@code join.env}), given to this server as if they were its process environment.
     */
    public static StandaloneServer join(Path dataDir, Map<String, String> environment, String... settings) {
        var joined = new SystemEnvironmentPropertySource(
                "join-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(environment));
        return new StandaloneServer(new SpringApplicationBuilder(GatehouseApplication.class)
                .initializers(StandaloneServer::ownNettyResources, context -> context.getEnvironment().getPropertySources()
                        .addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, joined))
                .run(arguments(dataDir, true, settings)));
    }

    private static String[] arguments(Path dataDir, boolean adminPassword, String... settings) {
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
        // no escalation of unanswered entry requests unless a test asks (its pushes and notifications would land
        // in the middle of what these servers compare); PT1H/PT2H come after the 15-minute expiry: never scheduled
        for (String escalation : List.of("gatehouse.entry-request.remind-after=PT1H",
                "gatehouse.entry-request.guard-alert-after=PT2H")) {
            String name = escalation.substring(0, escalation.indexOf('='));
            if (java.util.Arrays.stream(settings).noneMatch(setting -> setting.startsWith(name + "="))) {
                args.add("--" + escalation);
            }
        }
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return args.toArray(String[]::new);
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
