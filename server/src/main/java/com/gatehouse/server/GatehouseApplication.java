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

    public static void main(String[] args) {
        SpringApplication.run(GatehouseApplication.class, GatehouseArguments.apply(args));
    }
}
