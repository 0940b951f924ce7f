package com.gatehouse.server.audit;

import com.gatehouse.command.common.CommandSender;
import com.gatehouse.projection.admin.ProjectionAdmin;
import com.gatehouse.projection.admin.ShadowRebuilds;
import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server stopped in the middle of rebuilds: the old tables serve on after the restart, the rebuilds go on
 * from where they were (not from the first event) and switch in, and the result equals the tables before.
 */
class RebuildRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void rebuildsInterruptedByARestartResumeWhereTheyWereWhileTheOldTablesServe() {
        Map<String, List<String>> before;
        List<String> groups;
        Map<String, Long> stored = new HashMap<>();
        // one event per rebuild transaction: slow enough to stop the server in the middle
        String[] settings = {"gatehouse.projections.rebuild-batch-size=1"};
        try (var server = StandaloneServer.start(dataDir, settings)) {
            var context = server.context();
            long events = new ReplayEquivalenceTest.HistoryGenerator(context.getBean(CommandSender.class), new Random(7))
                    .generate(1);
            var admin = context.getBean(ProjectionAdmin.class);
            var jdbc = context.getBean(JdbcTemplate.class);
            awaitCaughtUp(admin);
            before = ReplayEquivalenceTest.snapshot(jdbc);
            groups = admin.statuses().stream().filter(ProjectionAdmin.ProjectionStatus::replayable)
                    .map(ProjectionAdmin.ProjectionStatus::name).toList();
            groups.forEach(admin::replay);
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.statuses().stream()
                    .filter(p -> groups.contains(p.name())).allMatch(p -> p.rebuild().position() > 0));
            jdbc.query("select processing_group, state, position from projection_rebuild", rs -> {
                assertThat(rs.getString("state")).isEqualTo("BUILDING");
                stored.put(rs.getString("processing_group"), rs.getLong("position"));
            });
            assertThat(stored).hasSize(groups.size()).allSatisfy((group, position) ->
                    assertThat(position).as(group + " stopped in the middle").isLessThan(events));
        }

        try (var server = StandaloneServer.start(dataDir, settings)) {
            var admin = server.context().getBean(ProjectionAdmin.class);
            var jdbc = server.context().getBean(JdbcTemplate.class);
            // the old tables serve; the rebuilds went on from their stored position
            assertThat(ReplayEquivalenceTest.snapshot(jdbc)).isEqualTo(before);
            admin.statuses().stream().filter(p -> groups.contains(p.name())).forEach(p ->
                    assertThat(p.rebuild().position()).as(p.name() + " resumed").isGreaterThanOrEqualTo(stored.get(p.name())));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> admin.statuses().stream()
                    .filter(p -> groups.contains(p.name()))
                    .allMatch(p -> p.rebuild().state() == ShadowRebuilds.State.SWITCHED));
            awaitCaughtUp(admin);
            Map<String, List<String>> rebuilt = ReplayEquivalenceTest.snapshot(jdbc);
            before.forEach((table, rows) -> assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(rows));
            assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname like 'rebuild\\_%' "
                    + "or nspname like 'retired\\_%'", String.class)).as("no schema left behind").isEmpty();
        }
    }

    private static void awaitCaughtUp(ProjectionAdmin admin) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                admin.statuses().stream().allMatch(p -> !p.replaying() && p.lag() == 0));
    }
}
