package com.gatehouse.server.config;

import com.gatehouse.server.embedded.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway creates Axon's JDBC event tables only when the events live in PostgreSQL. */
class EventStoreMigrationsTest {

    @TempDir
    Path dir;

    private static Flyway flyway(EmbeddedDatabase db, boolean axonServer) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration")
                .outOfOrder(true);
        new EventStoreMigrations().eventStoreMigrationLocation(axonServer).customize(configuration);
        return configuration.load();
    }

    private static List<String> tables(EmbeddedDatabase db) {
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
        return jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class);
    }

    @Test
    void withAxonServerThereAreNoJdbcEventTablesButTokensSagasAndDeadlines() {
        try (var db = EmbeddedDatabase.start(dir.resolve("pg"), 0)) {
            new EventStoreMigrations().realignEventStoreMigration().migrate(flyway(db, true));
            assertThat(tables(db)).doesNotContain("domain_event_entry", "snapshot_event_entry")
                    .contains("token_entry", "saga_entry", "association_value_entry", "scheduled_tasks",
                            "signing_key", "audit_event_index");
        }
    }

    @Test
    void onPostgresAloneTheEventTablesAreThere() {
        try (var db = EmbeddedDatabase.start(dir.resolve("pg"), 0)) {
            flyway(db, false).migrate();
            assertThat(tables(db)).contains("domain_event_entry", "snapshot_event_entry", "token_entry");
        }
    }

    @Test
    void aDatabaseSetUpForAxonServerByAnEarlierVersionMigrates() {
        try (var db = EmbeddedDatabase.start(dir.resolve("pg"), 0)) {
            flyway(db, false).migrate(); // the earlier version ran the JDBC 1.0 whatever the event store
            new EventStoreMigrations().realignEventStoreMigration().migrate(flyway(db, true));
            assertThat(flyway(db, true).validateWithResult().validationSuccessful).isTrue();
        }
    }
}
