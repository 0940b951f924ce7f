package com.gatehouse.server.preapproval;

import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pre-approvals and gate passes expire by persistent deadlines: one still valid when the server stops expires
 * after it starts again, exactly once, with no deadline left behind.
 */
class GateExpiryRestartTest {

    /** Long enough that the first server has surely stopped before they come due. */
    static final Duration VALID_FOR = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void aPreApprovalAndAGatePassValidAcrossARestartExpireOnceAfterIt() throws Exception {
        UUID preApprovalId;
        UUID passId;
        Instant validUntil;
        Api.User resident;
        try (var server = StandaloneServer.start(dataDir)) {
            Api api = server.api();
            Api.User platform = api.platformAdmin();
            UUID society = UUID.fromString(api.create(platform, "/admin/societies",
                    Map.of("name", "Restart Gardens", "city", "Pune")).get("id").asText());
            UUID flat = UUID.fromString(api.create(platform, "/admin/societies/{id}/flats",
                    Map.of("block", "R", "number", "2"), society).get("id").asText());
            resident = api.newUser(platform, society, "RESIDENT", flat);
            Api.User admin = api.newUser(platform, society, "ADMIN", null);
            validUntil = Instant.now().plus(VALID_FOR);
            preApprovalId = UUID.fromString(api.create(resident, "/gate/preapprovals", Map.of("visitorName", "Asha",
                    "visitorPhone", "9876543210", "visitorType", "GUEST", "validUntil", validUntil.toString()))
                    .get("preApproval").get("id").asText());
            passId = UUID.fromString(api.create(resident, "/gate/passes", Map.of("type", "MATERIAL", "title", "Boxes",
                    "validUntil", validUntil.toString())).get("id").asText());
            api.patch(admin, "/gate/passes/{id}/approve", Map.of(), passId).exchange().expectStatus().isOk();
        }
        Instant stopped = Instant.now();
        assertThat(stopped).as("the first server stopped before they came due").isBefore(validUntil);
        try (var server = StandaloneServer.start(dataDir)) {
            Api api = server.api();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                assertThat(api.read(resident, "/gate/preapprovals/{id}", preApprovalId).get("status").asText())
                        .isEqualTo("EXPIRED");
                assertThat(api.read(resident, "/gate/passes/{id}", passId).get("status").asText()).isEqualTo("EXPIRED");
            });
            Thread.sleep(2_000); // a second firing, if there were one, would have happened by now
            JdbcTemplate jdbc = server.context().getBean(JdbcTemplate.class);
            for (var expiry : List.of(Map.entry(preApprovalId, "%PreApprovalExpired"), Map.entry(passId, "%GatePassExpired"))) {
                var times = jdbc.queryForList("""
                                select time_stamp from domain_event_entry
                                where aggregate_identifier = ? and payload_type like ?""",
                        String.class, expiry.getKey().toString(), expiry.getValue());
                assertThat(times).as("exactly one expiry, after the restart: " + expiry.getValue()).hasSize(1);
                assertThat(Instant.parse(times.get(0))).isAfter(stopped).isAfterOrEqualTo(validUntil);
            }
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'",
                    Integer.class)).as("no deadline left behind").isZero();
        }
    }
}
