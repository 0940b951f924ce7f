package com.gatehouse.benchmark;

import com.gatehouse.server.GatehouseApplication;
import com.gatehouse.server.security.RSocketTcpServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real server on the embedded default (own PostgreSQL and object store) in a fresh data
 * directory, as a benchmark's subject. Clients talk to it over loopback HTTP and RSocket only.
 */
public final class BenchmarkServer implements AutoCloseable {

    public static final String ADMIN_PHONE = "9100000000";
    public static final String ADMIN_PASSWORD = "benchmark-admin-pw";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private BenchmarkServer(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    /** Starts the server; {@code settings} are extra {@code key=value} properties. */
    public static BenchmarkServer start(String... settings) throws Exception {
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
