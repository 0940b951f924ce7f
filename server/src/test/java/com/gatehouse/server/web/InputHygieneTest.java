package com.gatehouse.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at the edge answers 400 (or 413) naming what is wrong, and stores nothing: a guard's
 * mistyped or malicious visitor name, an over-long password, dates from another millennium, ids that
 * are not ids, bodies of the wrong shape, size or depth.
 */
class InputHygieneTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private long eventsOf(Api.Society society) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8') like ?",
                Long.class, "%" + society.id() + "%");
    }

    private Map<String, Object> delivery(Api.Society society, String visitorName) {
        var body = new HashMap<String, Object>(Map.of("type", "DELIVERY", "flatId", society.flatA().toString(),
                "providerTag", "SWIGGY"));
        body.put("visitorName", visitorName);
        return body;
    }

    private JsonNode refused(Api.User user, String uri, Object body, Object... vars) {
        return api().post(user, uri, body, vars).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aVisitorNameWithAControlCharacterIsRefusedNamingTheFieldAndNothingIsStored() {
        var society = sharedSociety();
        long before = eventsOf(society);
        for (String bad : new String[]{"x\u0000y", "bell\u0007", "line\nbreak", "esc\u001b[31m", "c1\u0085"}) {
            JsonNode problem = refused(society.guard(), "/gate/requests", delivery(society, bad));
            assertThat(problem.path("errors").path("visitorName").asText()).contains("control character");
        }
        assertThat(eventsOf(society)).as("nothing stored").isEqualTo(before);

        // trimmed and NFC-normalised: "José" typed with a combining accent is stored composed
        JsonNode raised = api().create(society.guard(), "/gate/requests", delivery(society, "  Jose\u0301 \t"));
        assertThat(raised.get("visitorName").asText()).isEqualTo("Jos\u00e9");
        // a multi-line field keeps its lines
        JsonNode rejected = api().patch(society.residentA1(), "/gate/requests/{id}/reject",
                        Map.of("reason", "Not expecting anyone.\r\nPlease send them away."), raised.get("id").asText())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("Not expecting anyone.\nPlease send them away.");
    }

    @Test
    void aQueryParameterWithAControlCharacterIsRefusedNamingIt() {
        JsonNode problem = api().get(sharedSociety().auditor(), "/admin/audit/events?aggregateType={t}", "Entry\u0000Request")
                .exchange().expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("errors").path("aggregateType").asText()).contains("control character");
    }

    @Test
    void aPasswordOverBcryptsLimitIsRefusedNotAFailure() {
        var society = sharedSociety();
        String devanagari = "\u0915".repeat(30);  // 30 characters, 90 bytes in UTF-8
        JsonNode problem = refused(society.admin(), "/admin/societies/{id}/users", Map.of("name", "Long Password",
                "phone", Api.uniquePhone(), "password", devanagari, "role", "GUARD"), society.id());
        assertThat(problem.path("errors").path("password").asText()).contains("72 bytes");
        api().client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", society.guard().phone(), "password", "p".repeat(100)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.password").value(m -> assertThat((String) m).contains("72 bytes"));
    }

    @Test
    void datesFarInThePastOrFutureAreRefused() {
        var society = sharedSociety();
        for (String query : new String[]{"from=0001-01-01", "to=9999-12-31", "from=+999999999-12-31T23:59:59Z",
                "to=-999999999-01-01T00:00:00Z"}) {
            JsonNode problem = api().get(society.guard(), "/gate/entries?" + query).exchange().expectStatus().isBadRequest()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(problem.path("errors").fieldNames().next()).isIn("from", "to");
            api().get(society.auditor(), "/admin/audit/events?" + query).exchange().expectStatus().isBadRequest();
        }
    }

    @Test
    void malformedIdsInThePathAndTheBodyNameTheField() {
        var society = sharedSociety();
        api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), "not-a-uuid").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.id").isEqualTo("must be a UUID");
        JsonNode problem = refused(society.guard(), "/gate/requests", Map.of("type", "DELIVERY", "flatId", "A-101"));
        assertThat(problem.path("errors").path("flatId").asText()).isEqualTo("must be a UUID");
    }

    @Test
    void wrongJsonTypesNameTheFieldAndWhatItShouldBe() {
        var society = sharedSociety();
        var body = delivery(society, "Rider");
        body.put("visitorName", Map.of("first", "Ri"));
        assertThat(refused(society.guard(), "/gate/requests", body).path("errors").path("visitorName").asText())
                .isEqualTo("must be a string");
        body = delivery(society, "Rider");
        body.put("flatId", 42.5);
        assertThat(refused(society.guard(), "/gate/requests", body).path("errors").path("flatId").asText())
                .isEqualTo("must be a UUID");
    }

    @Test
    void deeplyNestedAndOversizedBodiesAreRefusedBeforeAnythingIsDone() {
        var society = sharedSociety();
        long before = eventsOf(society);
        String valid = "\"type\":\"DELIVERY\",\"flatId\":\"" + society.flatA() + "\"";
        // an unknown field nested 40 levels deep: ignored by the binding, refused by the reader
        String nested = "{" + valid + ",\"extra\":" + "[".repeat(40) + "]".repeat(40) + "}";
        JsonNode problem = api().client().post().uri("/api/v1/gate/requests")
                .header(HttpHeaders.AUTHORIZATION, society.guard().bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(nested).exchange().expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("detail").asText()).contains("nested deeper than 32 levels");

        String huge = "{" + valid + ",\"extra\":\"" + "x".repeat(1024 * 1024) + "\"}";
        api().client().post().uri("/api/v1/gate/requests")
                .header(HttpHeaders.AUTHORIZATION, society.guard().bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge).exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("256 KB"));
        assertThat(eventsOf(society)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void outOfRangePagingIsRefusedNamingTheParameter() {
        var society = sharedSociety();
        api().get(society.guard(), "/gate/requests?page=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.page").exists();
        api().get(society.guard(), "/gate/requests?limit=101").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.limit").exists();
        api().get(society.guard(), "/gate/requests?page=99999999999").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.page").isEqualTo("must be a whole number in range");
        // the last page that can exist is answered (empty), not a failure
        api().get(society.guard(), "/gate/requests?page=2147483647&limit=100").exchange().expectStatus().isOk();
    }
}
