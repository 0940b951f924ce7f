package com.gatehouse.server.bootstrap;

import com.gatehouse.server.security.RSocketTcpServer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/** Prints where the server is and how to log in, once it is ready. */
@Component
public class StartupReport {

    private final Bootstrap bootstrap;
    private final RSocketTcpServer tcp;
    private final Environment environment;

    public StartupReport(Bootstrap bootstrap, RSocketTcpServer tcp, Environment environment) {
        this.bootstrap = bootstrap;
        this.tcp = tcp;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        System.out.println(text());
    }

    /** What {@link #report()} prints: addresses and logins, never a password. */
    public String text() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        var out = new StringBuilder("\n----------------------------------------------------------------\n")
                .append("Gatehouse is ready in ").append(ManagementFactory.getRuntimeMXBean().getUptime()).append(" ms\n")
                .append("  API:        ").append(base).append("/api/v1\n")
                .append("  API docs:   ").append(base).append("/swagger-ui.html\n")
                .append("  RSocket:    ws://localhost:").append(environment.getProperty("local.server.port", "8080"))
                .append("/rsocket").append(tcp.port() > 0 ? "  and tcp://localhost:" + tcp.port() : "").append('\n')
                .append("  Health:     ").append(base).append("/actuator/health\n");
        bootstrap.lines().forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("----------------------------------------------------------------");
        return out.toString();
    }
}
