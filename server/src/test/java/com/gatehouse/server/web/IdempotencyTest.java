package com.gatehouse.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key belongs to the first request it came with, on every instance (kept in PostgreSQL). */
class IdempotencyTest extends IntegrationTest {

    private static final String STAFF = "/staff/domestic";

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> maid(String name, UUID flat) {
        return new HashMap<>(Map.of("name", name, "phone", Api.uniquePhone(), "staffType", "MAID",
                "flatIds", List.of(flat.toString())));
    }

    private static Map<String, Object> delivery(UUID flat) {
        return new HashMap<>(Map.of("type", "DELIVERY", "flatId", flat.toString(), "providerTag", "SWIGGY"));
    }

    private UUID register(Api.User admin, String name, UUID flat) {
        return UUID.fromString(api().create(admin, STAFF, maid(name, flat)).get("id").asText());
    }

    private String card(Api.User admin, UUID staff) {
        return api().read(admin, STAFF + "/{id}/qr", staff).get("qrToken").asText();
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefusedAndChangesNothing() {
        var society = api().newSociety();
        Api.User ravi = society.residentA1();
        String key = UUID.randomUUID().toString();
        JsonNode driver = api().post(ravi, STAFF, maid("Raju", society.flatA())).header("Idempotency-Key", key)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode refused = api().post(ravi, STAFF, maid("Someone else", society.flatA())).header("Idempotency-Key", key)
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.get("detail").asText()).contains("Idempotency-Key");

        JsonNode staff = api().read(ravi, STAFF);
        assertThat(staff.get("staff")).extracting(s -> s.get("id").asText())
                .containsExactly(driver.get("id").asText());
        assertThat(staff.get("staff").get(0).get("name").asText()).isEqualTo("Raju");
    }

    @Test
    void aGuardReusingAScanKeyForAnotherCardNeverGetsSomeoneElsesVisit() {
        var society = api().newSociety();
        UUID lakshmi = register(society.admin(), "Lakshmi", society.flatA());
        UUID sunita = register(society.admin(), "Sunita", society.flatB());
        JsonNode first = api().post(society.guard(), STAFF + "/scan", Map.of("qrToken", card(society.admin(), lakshmi)))
                .header("Idempotency-Key", "scan-at-gate").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(first.get("attendance").get("staffId").asText()).isEqualTo(lakshmi.toString());

        // the guard app reuses its key for Sunita's card: refused, not Lakshmi's visit
        api().post(society.guard(), STAFF + "/scan", Map.of("qrToken", card(society.admin(), sunita)))
                .header("Idempotency-Key", "scan-at-gate").exchange().expectStatus().isEqualTo(422);
        assertThat(api().read(society.admin(), STAFF + "/{id}", sunita).get("isCurrentlyWorking").asBoolean()).isFalse();
        assertThat(api().read(society.admin(), STAFF + "/{id}/attendance", sunita).get("attendance")).isEmpty();
        assertThat(api().read(society.admin(), STAFF + "/{id}/attendance", lakshmi).get("attendance")).hasSize(1);

        // with a key of its own, Sunita's scan checks her in: a visit of her own
        JsonNode sunitaIn = api().post(society.guard(), STAFF + "/scan", Map.of("qrToken", card(society.admin(), sunita)))
                .header("Idempotency-Key", "scan-at-gate-2").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(sunitaIn.get("attendance").get("staffId").asText()).isEqualTo(sunita.toString());
        assertThat(sunitaIn.get("attendance").get("id")).isNotEqualTo(first.get("attendance").get("id"));
    }

    @Test
    void aKeyWhoseRequestIsStillInFlightAnswers409() {
        var society = api().newSociety();
        String key = UUID.randomUUID().toString();
        JsonNode first = api().post(society.guard(), "/gate/requests", delivery(society.flatA()))
                .header("Idempotency-Key", key).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        // the record is in PostgreSQL: here another instance is still handling a request with this key
        assertThat(jdbc.update("update idempotency_key set in_flight = true, started_at = ? "
                + "where user_id = ? and idempotency_key = ?", Timestamp.from(Instant.now()),
                society.guard().id().toString(), key)).isEqualTo(1);

        api().post(society.guard(), "/gate/requests", delivery(society.flatA())).header("Idempotency-Key", key)
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // another body with the key is still another request: 422
        api().post(society.guard(), "/gate/requests", delivery(society.flatB())).header("Idempotency-Key", key)
                .exchange().expectStatus().isEqualTo(422);

        // that instance died mid-request: after gatehouse.idempotency.in-flight-timeout a retry goes through
        jdbc.update("update idempotency_key set started_at = ? where user_id = ? and idempotency_key = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(2))), society.guard().id().toString(), key);
        JsonNode retry = api().post(society.guard(), "/gate/requests", delivery(society.flatA()))
                .header("Idempotency-Key", key).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(retry.get("id")).isEqualTo(first.get("id"));
        assertThat(api().read(society.guard(), "/gate/requests").get("pagination").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void parallelRetriesOfOneRequestCreateOneThing() throws Exception {
        var society = api().newSociety();
        String key = UUID.randomUUID().toString();
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 6; i++) {
                Callable<Integer> call = () -> {
                    var result = api().post(society.guard(), "/gate/requests", delivery(society.flatA()))
                            .header("Idempotency-Key", key).exchange().expectBody(JsonNode.class).returnResult();
                    if (result.getStatus().value() == 201) {
                        created.add(result.getResponseBody().get("id").asText());
                    }
                    return result.getStatus().value();
                };
                answers.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("each answers the first request or 'still in flight'").allMatch(s -> s == 201 || s == 409)
                    .contains(201);
            assertThat(created).as("every 201 is the same request").containsOnly(created.get(0));
            assertThat(api().read(society.guard(), "/gate/requests").get("pagination").get("total").asInt()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedRequestFreesItsKey() {
        var society = api().newSociety();
        String key = UUID.randomUUID().toString();
        // refused (400: no type): nothing changed, so the key may carry the corrected request
        api().post(society.guard(), "/gate/requests", Map.of("flatId", society.flatA().toString()))
                .header("Idempotency-Key", key).exchange().expectStatus().isBadRequest();
        api().post(society.guard(), "/gate/requests", delivery(society.flatA()))
                .header("Idempotency-Key", key).exchange().expectStatus().isCreated();
    }
}
