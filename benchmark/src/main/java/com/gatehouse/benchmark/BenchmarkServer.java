package com.gatehouse.benchmark;

import com.gatehouse.server.GatehouseApplication;
import com.gatehouse.server.embedded.JoinSettings;
import com.gatehouse.server.privacy.PersonalDataSerializer;
import com.gatehouse.server.security.RSocketTcpServer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.client.ReactorResourceFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real server on the embedded default (own PostgreSQL and object store) in a fresh data
 * directory, as a benchmark's subject. Clients talk to it over loopback HTTP and RSocket only.
 */
public final class BenchmarkServer implements AutoCloseable {

    public static final String ADMIN_PHONE = "9100000000";
    public static final String ADMIN_PASSWORD = "benchmark-admin-pw";
    /** {@code benchmark.sealing=false}: a server that stores personal fields in plain (SealingCost only). */
    public static final String SEALING = "benchmark.sealing";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private BenchmarkServer(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    /** Starts the server; {@code settings} are extra {@code key=value} properties. */
    public static BenchmarkServer start(String... settings) throws Exception {
        return start(Map.of(), settings);
    }

    /**
     * Starts a second instance of the same system in this JVM: the environment of {@code first}'s
     * {@code join.env} (as the README's join steps give it), its own port and data directory.
     */
    public static BenchmarkServer join(BenchmarkServer first, String... settings) throws Exception {
        Map<String, Object> environment = new HashMap<>();
        for (String line : Files.readAllLines(first.dataDir.resolve(JoinSettings.FILE))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return start(environment, settings);
    }

    private static BenchmarkServer start(Map<String, Object> environment, String... settings) throws Exception {
        Path dataDir = Files.createTempDirectory("gatehouse-bench-");
        List<String> args = new ArrayList<>(List.of(
                "--gatehouse.data-dir=" + dataDir,
                "--server.port=0",
                "--gatehouse.rsocket.tcp-port=0",
                "--gatehouse.admin.phone=" + ADMIN_PHONE,
                "--gatehouse.admin.password=" + ADMIN_PASSWORD,
                "--logging.level.root=WARN",
                "--server.shutdown=immediate"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        var app = new SpringApplication(GatehouseApplication.class);
        app.setWebApplicationType(WebApplicationType.REACTIVE);
        app.addInitializers(context -> {
            // Netty event loops of this server alone: two servers in one JVM would otherwise share Reactor's
            // global ones, and closing one would stop the other's listeners
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof ReactorResourceFactory resources) {
                        resources.setUseGlobalResources(false);
                    }
                    // --benchmark.sealing=false: personal fields stored in plain, to measure what sealing costs
                    if (bean instanceof PersonalDataSerializer serializer
                            && "false".equals(context.getEnvironment().getProperty(SEALING))) {
                        return serializer.withoutSealing();
                    }
                    return bean;
                }
            });
            if (!environment.isEmpty()) {
                context.getEnvironment().getPropertySources().addAfter(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                                "join-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
            }
        });
        return new BenchmarkServer(app.run(args.toArray(String[]::new)), dataDir);
    }

    public int httpPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public int rsocketTcpPort() {
        return context.getBean(RSocketTcpServer.class).port();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        context.close();
    }
}
