package com.gatehouse.server.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the server's event-store wiring names Axon's event tables. Everything that needs the history (the
 * audit index, the export, {@code audit.events}, projection progress) reads it through Axon's event store API,
 * so it runs unchanged on Axon Server, where those tables do not exist. Checked on the compiled classes of
 * every module (SQL lives in string constants, which ArchUnit's dependency rules do not see).
 */
class EventStoreTablesTest {

    static final Set<String> EVENT_TABLES = Set.of("domain_event_entry", "snapshot_event_entry");
    /** The event store's own wiring: the JDBC event schema's table names. */
    static final Set<String> ALLOWED = Set.of("com/gatehouse/server/config/AxonConfig.class");

    @Test
    void noClassOutsideTheEventStoreWiringNamesTheEventTables() throws IOException {
        Resource[] classes = new PathMatchingResourcePatternResolver().getResources("classpath*:com/gatehouse/**/*.class");
        List<String> scanned = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        for (Resource resource : classes) {
            String url = resource.getURL().toString();
            if (url.contains("/test-classes/")) {
                continue; // tests may look at the tables to check what was stored
            }
            String name = url.substring(url.indexOf("com/gatehouse/"));
            scanned.add(name);
            String constants;
            try (InputStream in = resource.getInputStream()) {
                constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            for (String table : EVENT_TABLES) {
                if (constants.contains(table) && !ALLOWED.contains(name)) {
                    offenders.add(name + " names " + table);
                }
            }
        }
        assertThat(scanned).as("the classes of every module were scanned").anyMatch(c -> c.startsWith("com/gatehouse/projection/audit/"))
                .anyMatch(c -> c.startsWith("com/gatehouse/query/audit/"))
                .anyMatch(c -> c.startsWith("com/gatehouse/projection/admin/"))
                .anyMatch(c -> c.startsWith("com/gatehouse/command/"))
                .contains(ALLOWED.iterator().next());
        assertThat(offenders).isEmpty();
    }
}
