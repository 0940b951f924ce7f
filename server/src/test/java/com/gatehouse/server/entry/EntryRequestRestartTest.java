package com.gatehouse.server.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The expiry deadline is persistent: a request pending when the server stops expires after it starts again, once. */
class EntryRequestRestartTest {

    /** Long enough that the first server has surely stopped before the request comes due. */
    static final String EXPIRY = "gatehouse.entry-request.expiry=PT12S";

    @TempDir
    Path dataDir;

    @Test
    void aRequestPendingAcrossARestartExpiresOnceAfterIt() throws Exception {
        UUID requestId;
        Instant expiresAt;
        Api.User guard;
        try (var server = StandaloneServer.start(dataDir, EXPIRY)) {
            Api api = server.api();
            Api.User platform = api.platformAdmin();
            UUID society = UUID.fromString(api.create(platform, "/admin/societies",
                    Map.of("name", "Restart Court", "city", "Pune")).get("id").asText());
            UUID flat = UUID.fromString(api.create(platform, "/admin/societies/{id}/flats",
                    Map.of("block", "R", "number", "1"), society).get("id").asText());
            guard = api.newUser(platform, society, "GUARD", null);
            JsonNode raised = api.create(guard, "/gate/requests", Map.of("type", "DELIVERY", "flatId", flat.toString()));
            requestId = UUID.fromString(raised.get("id").asText());
            expiresAt = Instant.parse(raised.get("expiresAt").asText());
            assertThat(raised.get("status").asText()).isEqualTo("PENDING");
        }
        Instant stopped = Instant.now();
        assertThat(stopped).as("the first server stopped before the request came due").isBefore(expiresAt);
        // it comes due while the second server starts or soon after
        try (var server = StandaloneServer.start(dataDir, EXPIRY)) {
            Api api = server.api();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(api.read(guard, "/gate/requests/{id}", requestId).get("status").asText()).isEqualTo("EXPIRED"));
            Thread.sleep(2_000); // a second firing, if there were one, would have happened by now
            JdbcTemplate jdbc = server.context().getBean(JdbcTemplate.class);
            var expiries = jdbc.queryForList("""
                    select time_stamp from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%EntryRequestExpired'""",
                    String.class, requestId.toString());
            assertThat(expiries).as("exactly one expiry, after the restart").hasSize(1);
            assertThat(Instant.parse(expiries.get(0))).isAfter(stopped).isAfterOrEqualTo(expiresAt);
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'",
                    Integer.class)).as("no deadline left behind").isZero();
        }
    }
}
