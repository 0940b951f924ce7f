package com.gatehouse.server.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryRequestCommand.ApproveEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RaiseEntryRequest;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One event a projection cannot write never stops anything else: it is parked as a dead letter (with the
 * later events of its aggregate), shown to the operator, retried with backoff, applied once its cause is
 * fixed, or evicted with a reason that the audit trail keeps. On the real server and database; the "bad
 * luck" is a CHECK constraint added to a read-model table that refuses one value, dropped to fix the cause.
 */
class DeadLetterTest extends IntegrationTest {

    static final Duration LIVE = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandSender commands;
    @Autowired
    MeterRegistry meters;

    /** Raised as the guard would, straight through the command bus (the REST call would wait for the read model). */
    EntryRequestId raiseByCommand(Api.Society society, UUID flat, String visitorName) {
        var id = new EntryRequestId(UUID.randomUUID());
        commands.send(new Caller(society.guard().id(), Role.GUARD, society.id(), null),
                new RaiseEntryRequest(id, new SocietyId(society.id()), new FlatId(flat), new UserId(society.guard().id()),
                        EntryType.VISITOR, visitorName, null, null, null)).block();
        return id;
    }

    void approveByCommand(Api.Society society, EntryRequestId id) {
        var resident = society.residentA1();
        commands.send(new Caller(resident.id(), Role.RESIDENT, society.id(), society.flatA()),
                new ApproveEntryRequest(id, new UserId(resident.id()), new FlatId(society.flatA()))).block();
    }

    JsonNode projection(String name) {
        return api().read(api().platformAdmin(), "/admin/projections/" + name);
    }

    JsonNode deadLetters(String group) {
        return api().read(api().platformAdmin(), "/admin/projections/" + group + "/dead-letters?limit=100");
    }

    List<JsonNode> deadLettersOf(String group, Object aggregateId) {
        List<JsonNode> found = new ArrayList<>();
        deadLetters(group).get("deadLetters").forEach(l -> {
            if (l.path("aggregateId").asText().equals(aggregateId.toString())) {
                found.add(l);
            }
        });
        return found;
    }

    JsonNode health() {
        return api().client().get().uri("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, api().platformAdmin().bearer()).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The gauge that Prometheus scrapes as {@code gatehouse_dead_letters{group=...}} (export is off in tests). */
    double deadLetterGauge(String group) {
        return meters.get("gatehouse.dead.letters").tag("group", group).gauge().value();
    }

    /** The rows of the entry-request read model of some societies, as JSON text, in a stable order. */
    List<String> entryRequestsOf(UUID... societies) {
        return jdbc.queryForList("select to_jsonb(t)::text from entry_request t where society_id = any (?) order by 1",
                String.class, (Object) societies);
    }

    @Test
    void aPoisonedEventIsParkedWhileEveryoneElseFlowsLiveAndIsAppliedOnceTheCauseIsFixed() throws Exception {
        var green = api().newSociety();
        var blue = api().newSociety();
        var admin = api().platformAdmin();
        String poison = "Poison " + UUID.randomUUID();
        String constraint = "dead_letter_test_" + Long.toHexString(System.nanoTime());
        jdbc.execute("alter table entry_request add constraint " + constraint
                + " check (visitor_name is distinct from '" + poison + "') not valid");
        try (Feed greenGate = new Feed(live().connect(Live.Transport.TCP, green.guard()), "gate.requests.stream");
             Feed blueGate = new Feed(live().connect(Live.Transport.WEBSOCKET, blue.guard()), "gate.requests.stream")) {
            // the event that cannot be written, and a later event of the same request (parked behind it)
            var poisoned = raiseByCommand(green, green.flatA(), poison);
            approveByCommand(green, poisoned);
            await().atMost(Duration.ofSeconds(10)).until(() -> deadLettersOf("entry-requests", poisoned).size() == 2);

            // everyone else flows on, live: another request of the same society, and another society
            var sameSociety = api().create(green.guard(), "/gate/requests", EntryRequestFlowTest.visitor(green.flatB(), "Asha"));
            greenGate.next(Feed.id(sameSociety.get("id").asText(), "status", "PENDING"), LIVE);
            var otherSociety = api().create(blue.guard(), "/gate/requests", EntryRequestFlowTest.visitor(blue.flatA(), "Ravi"));
            blueGate.next(Feed.id(otherSociety.get("id").asText(), "status", "PENDING"), LIVE);
            api().patch(blue.residentA1(), "/gate/requests/{id}/approve", Map.of(), otherSociety.get("id").asText())
                    .exchange().expectStatus().isOk();
            blueGate.next(Feed.id(otherSociety.get("id").asText(), "status", "APPROVED"), LIVE);
            api().patch(green.residentB(), "/gate/requests/{id}/approve", Map.of(), sameSociety.get("id").asText())
                    .exchange().expectStatus().isOk();
            api().get(green.guard(), "/gate/requests/{id}", poisoned.value()).exchange().expectStatus().isNotFound();

            // the operator sees it: listed with its error, in /admin/projections, health and metrics
            List<JsonNode> parked = deadLettersOf("entry-requests", poisoned);
            JsonNode head = parked.get(0);
            assertThat(head.get("eventType").asText()).isEqualTo("EntryRequestRaised");
            assertThat(head.get("societyId").asText()).isEqualTo(green.id().toString());
            assertThat(head.get("aggregateType").asText()).isEqualTo("EntryRequest");
            assertThat(head.get("error").asText()).contains(constraint);
            assertThat(head.get("firstAttempt").isNull()).isFalse();
            assertThat(head.get("lastAttempt").isNull()).isFalse();
            assertThat(head.get("attempts").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode behind = parked.get(1);
            assertThat(behind.get("eventType").asText()).isEqualTo("EntryRequestApproved");
            assertThat(behind.get("error").isNull()).isTrue();
            JsonNode status = projection("entry-requests");
            assertThat(status.get("error").asBoolean()).isTrue();
            assertThat(status.get("deadLetters").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(status.get("lastError").asText()).contains(constraint);
            assertThat(status.get("running").asBoolean()).isTrue();
            JsonNode health = health();
            assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(health.at("/components/deadLetters/details/entry-requests/deadLetters").asLong())
                    .isGreaterThanOrEqualTo(2);
            assertThat(deadLetterGauge("entry-requests")).isGreaterThanOrEqualTo(2);

            // a retry by hand while the cause is still there fails again and keeps both parked, in order
            JsonNode retried = api().post(admin, "/admin/projections/entry-requests/dead-letters/{id}/retry", Map.of(),
                    behind.get("id").asText()).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(retried.get("retried").asInt()).isZero();
            assertThat(deadLettersOf("entry-requests", poisoned)).hasSize(2);

            // the cause is fixed: the automatic retry applies both events, in order
            jdbc.execute("alter table entry_request drop constraint " + constraint);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> deadLettersOf("entry-requests", poisoned).isEmpty());
            var applied = api().read(green.guard(), "/gate/requests/{id}", poisoned.value());
            assertThat(applied.get("status").asText()).isEqualTo("APPROVED");
            assertThat(applied.get("visitorName").asText()).isEqualTo(poison);
        } finally {
            jdbc.execute("alter table entry_request drop constraint if exists " + constraint);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> projection("entry-requests").get("deadLetters").asLong() == 0);
        assertThat(projection("entry-requests").get("error").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(3)).until(() -> deadLetterGauge("entry-requests") == 0);

        // the read model equals a fresh replay of the projection
        List<String> live = entryRequestsOf(green.id(), blue.id());
        assertThat(live).hasSize(3);
        api().post(admin, "/admin/projections/entry-requests/replay", Map.of()).exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode p = projection("entry-requests");
            return !p.get("replaying").asBoolean() && p.get("lag").asLong() == 0;
        });
        assertThat(entryRequestsOf(green.id(), blue.id())).containsExactlyElementsOf(live);
    }

    /** The audit trail as the user reads it (NDJSON, one event a line). */
    List<JsonNode> history(Api.User user, String query) {
        String body = api().get(user, "/admin/audit/events" + query).accept(MediaType.APPLICATION_NDJSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<JsonNode> events = new ArrayList<>();
        for (String line : body == null ? new String[0] : body.split("\n")) {
            if (!line.isBlank()) {
                try {
                    events.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
        }
        return events;
    }

    @Test
    void theOperatorEvictsAParkedEventWithAReasonAndTheAuditTrailKeepsIt() {
        var society = api().newSociety();
        var admin = api().platformAdmin();
        String poison = "Poison " + UUID.randomUUID();
        String constraint = "dead_letter_test_" + Long.toHexString(System.nanoTime());
        jdbc.execute("alter table entry_request add constraint " + constraint
                + " check (visitor_name is distinct from '" + poison + "') not valid");
        String id;
        EntryRequestId poisoned;
        try {
            poisoned = raiseByCommand(society, society.flatA(), poison);
            await().atMost(Duration.ofSeconds(10)).until(() -> !deadLettersOf("entry-requests", poisoned).isEmpty());
            id = deadLettersOf("entry-requests", poisoned).get(0).get("id").asText();
            String list = "/admin/projections/entry-requests/dead-letters";

            // only the platform operator sees or touches dead letters
            for (var user : List.of(society.admin(), society.guard(), society.auditor(), society.residentA1())) {
                api().get(user, list).exchange().expectStatus().isForbidden();
                api().post(user, list + "/{id}/retry", Map.of(), id).exchange().expectStatus().isForbidden();
                api().post(user, list + "/retry", Map.of()).exchange().expectStatus().isForbidden();
                api().post(user, list + "/{id}/evict", Map.of("reason", "mine"), id).exchange().expectStatus().isForbidden();
            }
            // a society's admin sees that a projection is in error, not the error text (it may quote anyone's data)
            JsonNode seenByAdmin = api().read(society.admin(), "/admin/projections/entry-requests");
            assertThat(seenByAdmin.get("error").asBoolean()).isTrue();
            assertThat(seenByAdmin.get("deadLetters").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(seenByAdmin.get("lastError").isNull()).isTrue();
            // a reason is required; unknown letters and groups are 404
            api().post(admin, list + "/{id}/evict", Map.of(), id).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors.reason").exists();
            api().post(admin, list + "/{id}/evict", Map.of("reason", "   "), id).exchange().expectStatus().isBadRequest();
            api().post(admin, list + "/{id}/evict", Map.of("reason", "gone"), UUID.randomUUID()).exchange()
                    .expectStatus().isNotFound();
            api().get(admin, "/admin/projections/no-such-group/dead-letters").exchange().expectStatus().isNotFound();
            api().get(admin, list + "?limit=1000").exchange().expectStatus().isBadRequest();
            assertThat(deadLettersOf("entry-requests", poisoned)).extracting(l -> l.get("id").asText()).contains(id);

            api().post(admin, list + "/{id}/evict", Map.of("reason", "Test data from a broken import"), id).exchange()
                    .expectStatus().isNoContent();
            assertThat(deadLettersOf("entry-requests", poisoned)).extracting(l -> l.get("id").asText())
                    .doesNotContain(id);
            api().post(admin, list + "/{id}/evict", Map.of("reason", "again"), id).exchange().expectStatus().isNotFound();
        } finally {
            jdbc.execute("alter table entry_request drop constraint if exists " + constraint);
        }

        // the eviction is an event of the store: the platform's audit trail and the society's own keep it
        for (var reader : List.of(admin, society.auditor())) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(history(reader, "?aggregateType=DeadLetterEviction&aggregateId=" + id)).singleElement()
                            .satisfies(e -> {
                                assertThat(e.get("eventType").asText()).isEqualTo("DeadLetterEvicted");
                                assertThat(e.get("actorId").asText()).isEqualTo(admin.id().toString());
                                assertThat(e.get("societyId").asText()).isEqualTo(society.id().toString());
                                assertThat(e.at("/payload/reason").asText()).isEqualTo("Test data from a broken import");
                                assertThat(e.at("/payload/eventType").asText()).isEqualTo("EntryRequestRaised");
                                assertThat(e.at("/payload/aggregateId").asText()).isEqualTo(poisoned.value().toString());
                                assertThat(e.at("/payload/error").asText()).contains(constraint);
                            }));
        }
        // the evicted event is never applied; what was parked behind it is retried and the group is clean again
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersOf("entry-requests", poisoned).isEmpty());
        api().get(society.guard(), "/gate/requests/{id}", poisoned.value()).exchange().expectStatus().isNotFound();
    }

    @Test
    void aParkedNotificationIsSentLaterAndExactlyOnce() throws Exception {
        var society = api().newSociety();
        var ravi = society.residentA1();
        // the rider is let in
        JsonNode raised = api().create(society.guard(), "/gate/requests", EntryRequestFlowTest.delivery(society.flatA()));
        JsonNode approved = api().patch(society.residentA2(), "/gate/requests/{id}/approve", Map.of(),
                raised.get("id").asText()).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String entry = approved.get("entryId").asText();
        // bad luck before the overstay alert (3 s in tests): the directory row of one resident of the flat
        // cannot be read, so the flat's residents cannot be looked up
        jdbc.execute("alter table directory_user alter column created_at drop not null");
        try {
            jdbc.update("update directory_user set created_at = null where id = ?", ravi.id());
            // the overstay alert reaches the guards and admins, then fails on the flat: parked
            await().atMost(Duration.ofSeconds(15)).until(() -> deadLettersOf("entry-notifications", entry).size() == 1);
            await().atMost(LIVE).until(() -> overstayAlerts(society.guard(), entry).size() == 1
                    && overstayAlerts(society.admin(), entry).size() == 1);
            assertThat(overstayAlerts(society.residentA2(), entry)).isEmpty();
            assertThat(projection("entry-notifications").get("error").asBoolean()).isTrue();

            // meanwhile another flat hears about its own visitor, live
            var kabir = live().notifications(Live.Transport.WEBSOCKET, society.residentB())
                    .filter(n -> n.path("type").asText().equals("ENTRY_REQUEST"));
            var waiting = kabir.next().toFuture();
            api().create(society.guard(), "/gate/requests", EntryRequestFlowTest.visitor(society.flatB(), "Asha"));
            assertThat(waiting.get(LIVE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).path("message").asText())
                    .contains("Asha");
        } finally {
            jdbc.update("update directory_user set created_at = now() where created_at is null");
            jdbc.execute("alter table directory_user alter column created_at set not null");
        }
        // fixed: the automatic retry sends the rest; nobody gets the alert twice
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersOf("entry-notifications", entry).isEmpty());
        await().atMost(LIVE).until(() -> overstayAlerts(ravi, entry).size() == 1
                && overstayAlerts(society.residentA2(), entry).size() == 1);
        Thread.sleep(1_000);
        for (var user : List.of(society.guard(), society.admin(), ravi, society.residentA2())) {
            assertThat(overstayAlerts(user, entry)).as(user.role()).hasSize(1);
        }
        // the request's own notification (parked too if it came after the bad luck) reached each resident once
        for (var user : List.of(ravi, society.residentA2())) {
            assertThat(api().notifications(user, "DELIVERY_REQUEST")).as(user.phone()).hasSize(1);
        }
    }

    List<JsonNode> overstayAlerts(Api.User user, String entryId) {
        List<JsonNode> alerts = new ArrayList<>();
        api().notifications(user, "SYSTEM").forEach(n -> {
            if (n.path("referenceId").asText().equals(entryId)) {
                alerts.add(n);
            }
        });
        return alerts;
    }
}
