package com.gatehouse.server.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import org.axonframework.eventsourcing.eventstore.EventStore;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.FakePushServer;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An entry request nobody answers escalates by persistent deadlines (issue 15): the flat's residents get a second,
 * louder push after remind-after, then the raising guard's {@code gate.requests.stream} says nobody answers, with
 * the residents to call. A decision first cancels both.
 * <p>
 * The shared test context expires requests after 2 s and keeps the defaults remind-after PT45S / guard-alert-after
 * PT90S, so that no other story's undecided request is reminded or alerted about (several count their
 * notifications). These tests make time pass for their own request only, as a clock would: the expiry's stored
 * deadline (db-scheduler's {@code scheduled_tasks}, as the {@code entry-requests} benchmark does) is moved an hour
 * later, and each escalation's deadline is made due now; the real scheduler then runs it on the real stack.
 */
class EntryEscalationTest extends IntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore events;

    private final FakePushServer push = FakePushServer.get();

    /** The persistent deadlines the raise scheduled (from the stored EntryRequestRaised event). */
    private record Deadlines(String expiry, String reminder, String guardAlert) {
    }

    private Deadlines deadlinesOf(UUID requestId) {
        // through the event store's API (sealed fields opened by the serializer), so it reads Axon Server the same way
        EntryRequestRaised raised = events.readEvents(requestId.toString()).asStream()
                .map(event -> event.getPayload()).filter(EntryRequestRaised.class::isInstance)
                .map(EntryRequestRaised.class::cast).findFirst().orElseThrow();
        return new Deadlines(raised.expiryScheduleId(), raised.reminderScheduleId(), raised.guardAlertScheduleId());
    }

    private int moveDeadline(String scheduleId, String to) {
        return jdbc.update("update scheduled_tasks set execution_time = " + to
                + " where task_name = 'AxonDeadline' and task_instance = ? and not picked", scheduleId);
    }

    private int scheduled(String scheduleId) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance = ?", Integer.class,
                scheduleId);
    }

    private List<JsonNode> reminders(Api.User resident, String requestId) {
        return api().notifications(resident, "DELIVERY_REQUEST").stream()
                .filter(n -> n.path("referenceId").asText().equals(requestId) && n.path("data").path("reminder").asBoolean())
                .toList();
    }

    private List<JsonNode> guardAlerts(Api.User guard, String requestId) {
        return api().notifications(guard, "SYSTEM").stream()
                .filter(n -> n.path("referenceId").asText().equals(requestId)).toList();
    }

    private List<FakePushServer.Attempt> pushesTo(String token) {
        return push.attemptsFor(token).stream().filter(a -> a.status() / 100 == 2).toList();
    }

    private static String digits(String phone) {
        String d = phone.replaceAll("\\D", "");
        return d.substring(Math.max(0, d.length() - 10));
    }

    @Test
    void aRequestNobodyAnswersRemindsTheFlatLouderThenShowsTheGuardWhomToCallEachOnce() throws Exception {
        Api.Society society = api().newSociety();
        String phone = "ok-" + UUID.randomUUID();
        api().create(society.residentA1(), "/me/devices", Map.of("platform", "ANDROID", "token", phone));
        try (Feed gate = new Feed(live().connect(Live.Transport.TCP, society.guard()), "gate.requests.stream")) {
            String requestId = api().create(society.guard(), "/gate/requests",
                    EntryRequestFlowTest.delivery(society.flatA())).get("id").asText();
            Deadlines deadlines = deadlinesOf(UUID.fromString(requestId));
            assertThat(moveDeadline(deadlines.expiry(), "now() + interval '1 hour'")).as("expiry postponed").isOne();
            gate.next(f -> f.path("id").asText().equals(requestId), WITHIN);
            await().atMost(WITHIN).until(() -> pushesTo(phone).size() == 1);
            assertThat(gate.all()).allSatisfy(f -> assertThat(f.path("guardAlertedAt").isTextual()).isFalse());

            // remind-after passes: the flat's residents are pushed again, urgently, "still waiting at the gate"
            assertThat(moveDeadline(deadlines.reminder(), "now()")).isOne();
            await().atMost(WITHIN).until(() -> reminders(society.residentA1(), requestId).size() == 1
                    && reminders(society.residentA2(), requestId).size() == 1 && pushesTo(phone).size() == 2);
            JsonNode reminder = pushesTo(phone).get(1).message();
            assertThat(reminder.path("notification").path("title").asText()).isEqualTo("Still waiting at the gate");
            assertThat(reminder.path("android").path("priority").asText()).isEqualTo("high");
            assertThat(reminder.path("data").path("reminder").asText()).isEqualTo("true");
            JsonNode reminded = gate.next(f -> f.path("id").asText().equals(requestId)
                    && f.path("remindedAt").isTextual(), WITHIN);
            assertThat(reminded.path("guardAlertedAt").isTextual()).isFalse();
            assertThat(guardAlerts(society.guard(), requestId)).isEmpty();

            // guard-alert-after passes: the guard's feed says nobody answers, with the residents to call
            assertThat(moveDeadline(deadlines.guardAlert(), "now()")).isOne();
            JsonNode alerted = gate.next(f -> f.path("id").asText().equals(requestId)
                    && f.path("guardAlertedAt").isTextual(), WITHIN);
            assertThat(alerted.path("status").asText()).isEqualTo("PENDING");
            Map<String, String> toCall = new java.util.HashMap<>();
            alerted.path("residentsToCall").forEach(r -> toCall.put(r.path("userId").asText(), digits(r.path("phone").asText())));
            assertThat(toCall).containsOnly(
                    Map.entry(society.residentA1().id().toString(), digits(society.residentA1().phone())),
                    Map.entry(society.residentA2().id().toString(), digits(society.residentA2().phone())));
            await().atMost(WITHIN).until(() -> guardAlerts(society.guard(), requestId).size() == 1);
            assertThat(guardAlerts(society.guard(), requestId).get(0).path("message").asText())
                    .contains(digits(society.residentA1().phone()));

            // a resident answers at last: the call list goes; nothing of the escalation happened twice
            api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), requestId).exchange()
                    .expectStatus().isOk();
            JsonNode approved = gate.next(f -> f.path("id").asText().equals(requestId)
                    && f.path("status").asText().equals("APPROVED"), WITHIN);
            assertThat(approved.path("residentsToCall")).isEmpty();
            assertThat(approved.path("guardAlertedAt").isTextual()).isTrue();
            assertThat(scheduled(deadlines.reminder()) + scheduled(deadlines.guardAlert()) + scheduled(deadlines.expiry()))
                    .as("no deadline of the request left").isZero();
            assertThat(reminders(society.residentA1(), requestId)).hasSize(1);
            assertThat(reminders(society.residentA2(), requestId)).hasSize(1);
            assertThat(guardAlerts(society.guard(), requestId)).hasSize(1);
            assertThat(pushesTo(phone)).as("the request and its reminder").hasSize(2);
            assertThat(gate.all().stream().filter(f -> f.path("id").asText().equals(requestId))
                    .filter(f -> f.path("guardAlertedAt").isTextual()).map(f -> f.path("guardAlertedAt").asText()).distinct())
                    .as("one alert").hasSize(1);
        }
    }

    @Test
    void aDecisionBeforeTheReminderCancelsTheReminderAndTheGuardsAlert() throws Exception {
        Api.Society society = api().newSociety();
        String phone = "ok-" + UUID.randomUUID();
        api().create(society.residentA2(), "/me/devices", Map.of("platform", "ANDROID", "token", phone));
        String requestId = api().create(society.guard(), "/gate/requests",
                EntryRequestFlowTest.delivery(society.flatA())).get("id").asText();
        Deadlines deadlines = deadlinesOf(UUID.fromString(requestId));
        assertThat(scheduled(deadlines.reminder()) + scheduled(deadlines.guardAlert()))
                .as("the escalation waits for its time").isEqualTo(2);

        api().patch(society.residentA2(), "/gate/requests/{id}/reject", Map.of("reason", "not ordered"), requestId)
                .exchange().expectStatus().isOk();
        assertThat(scheduled(deadlines.reminder()) + scheduled(deadlines.guardAlert()) + scheduled(deadlines.expiry()))
                .as("cancelled with the decision").isZero();

        await().atMost(WITHIN).until(() -> pushesTo(phone).size() == 1);
        JsonNode request = api().read(society.guard(), "/gate/requests/{id}", requestId);
        assertThat(request.path("status").asText()).isEqualTo("REJECTED");
        assertThat(request.path("remindedAt").isTextual()).isFalse();
        assertThat(request.path("guardAlertedAt").isTextual()).isFalse();
        assertThat(request.path("residentsToCall")).isEmpty();
        assertThat(reminders(society.residentA2(), requestId)).isEmpty();
        assertThat(guardAlerts(society.guard(), requestId)).isEmpty();
    }
}
