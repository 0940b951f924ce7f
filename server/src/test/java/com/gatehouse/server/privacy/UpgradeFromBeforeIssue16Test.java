package com.gatehouse.server.privacy;

import com.gatehouse.server.config.EventStoreMigrations;
import com.gatehouse.server.embedded.EmbeddedDatabase;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.StandaloneServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A data dir made by main before issue 16 keeps working: its schema is made by the migrations of that time (every
 * version below 17), its events are a committed fixture in that version's stored layout (a UserRegistered that
 * carries the bcrypt hash), and then today's server starts on it. The resident logs in with the old password,
 * and no stored event keeps the hash.
 */
class UpgradeFromBeforeIssue16Test {

    static final String OLD_PASSWORD = "Gate-Old-Pass-2026";
    static final String PHONE = "9199900001";
    static final UUID RESIDENT = UUID.fromString("05e40000-0000-4000-8000-000000000001");

    @TempDir
    Path dataDir;

    @Test
    void aResidentOfAnOldDataDirLogsInWithTheOldPasswordAndTheHashIsOutOfTheEvents() throws Exception {
        try (var db = EmbeddedDatabase.builder(dataDir.resolve("postgres"))
                .binariesDirectory(Path.of(System.getProperty("user.home"), ".cache", "gatehouse", "postgres-binaries"))
                .start()) {
            FluentConfiguration before = Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password())
                    .locations("classpath:db/migration").outOfOrder(true);
            new EventStoreMigrations().eventStoreMigrationLocation(false).customize(before);
            // the schema of that time: every migration below version 17 (this issue's)
            MigrationVersion last = Arrays.stream(before.load().info().all()).map(MigrationInfo::getVersion)
                    .filter(v -> v != null && v.compareTo(MigrationVersion.fromVersion("17")) < 0)
                    .max(MigrationVersion::compareTo).orElseThrow();
            before.target(last).load().migrate();
            var source = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
            try (Connection connection = source.getConnection()) {
                ScriptUtils.executeSqlScript(connection, new ClassPathResource("upgrade/events-before-issue-16.sql"));
            }
            assertThat(new JdbcTemplate(source).queryForObject(
                    "select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like '%passwordHash%'",
                    Integer.class)).as("the fixture is the old layout").isEqualTo(1);
        }

        try (var server = StandaloneServer.start(dataDir)) {
            Api api = server.api();
            // the read models are rebuilt from the old events; the password checks against the moved hash
            Api.User resident = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> api.login(PHONE, OLD_PASSWORD), u -> u != null);
            assertThat(resident.id()).isEqualTo(RESIDENT);
            assertThat(resident.role()).isEqualTo("RESIDENT");

            var jdbc = server.context().getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry
                    where convert_from(payload, 'UTF8') like '%passwordHash%' or convert_from(payload, 'UTF8') like '%$2a$%'""",
                    Integer.class)).as("no stored event keeps a hash").isZero();
            assertThat(jdbc.queryForObject("select count(*) from credentials where user_id = ?", Integer.class, RESIDENT))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("""
                    select convert_from(payload, 'UTF8')::jsonb ->> 'passwordSet' from domain_event_entry
                    where payload_type = 'com.gatehouse.api.directory.UserEvent$UserRegistered' and aggregate_identifier = ?""",
                    String.class, RESIDENT.toString())).isEqualTo("true");
        }
    }
}
