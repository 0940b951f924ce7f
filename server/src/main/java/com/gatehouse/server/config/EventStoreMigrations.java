package com.gatehouse.server.config;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Axon's own tables, chosen by the event store: {@code db/axon/jdbc} (event store, tokens, sagas, deadlines)
 * on PostgreSQL alone, {@code db/axon/axonserver} (the same without the event tables) when the events live in
 * Axon Server. Both are version 1.0 with the same name, so a schema history fits either.
 */
@Configuration
public class EventStoreMigrations {

    private static final Logger log = LoggerFactory.getLogger(EventStoreMigrations.class);

    @Bean
    public FlywayConfigurationCustomizer eventStoreMigrationLocation(
            @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        String location = "classpath:db/axon/" + (axonServer ? "axonserver" : "jdbc");
        return configuration -> configuration.locations(Stream.concat(
                Arrays.stream(configuration.getLocations()), Stream.of(new Location(location))).toArray(Location[]::new));
    }

    /**
     * A database first set up for Axon Server by an earlier version ran the JDBC 1.0 (its event tables stay
     * unused): its recorded checksum is realigned to the Axon Server 1.0 before migrating.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    public FlywayMigrationStrategy realignEventStoreMigration() {
        return flyway -> {
            var validation = flyway.validateWithResult();
            if (!validation.validationSuccessful
                    && validation.invalidMigrations.stream().anyMatch(m -> "1.0".equals(m.version)
                    && m.errorDetails != null && m.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH)) {
                log.info("Realigning the recorded checksum of migration 1.0 (set up with the JDBC event store)");
                flyway.repair();
            }
            flyway.migrate();
        };
    }
}
