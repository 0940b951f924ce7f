package com.gatehouse.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Gatehouse server: command side, projections and query side in one process. */
@SpringBootApplication(scanBasePackages = "com.gatehouse")
@ConfigurationPropertiesScan("com.gatehouse")
@EnableScheduling
public class GatehouseApplication {

    static {
        // Axon 4.13 prints a boxed advertisement for AxonIQ Console at every start unless told not to
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(GatehouseApplication.class, GatehouseArguments.apply(args));
    }
}
