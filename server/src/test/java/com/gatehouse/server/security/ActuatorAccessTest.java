package com.gatehouse.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Health tells anyone UP or DOWN and only the platform operator why; metrics are for the operator alone. */
class ActuatorAccessTest extends IntegrationTest {

    private JsonNode health(String bearer) {
        var request = api().client().get().uri("/actuator/health");
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        return request.exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void healthIsABareStatusForAnyoneButTheSuperAdmin() {
        var society = sharedSociety();
        for (String bearer : new String[]{null, society.admin().bearer(), society.guard().bearer(),
                society.residentA1().bearer()}) {
            JsonNode health = health(bearer);
            assertThat(health.fieldNames()).toIterable().as("fields shown to %s", bearer == null ? "anonymous" : bearer)
                    .containsExactly("status");
            // DEGRADED: events parked as dead letters (see DeadLetterTest)
            assertThat(health.get("status").asText()).isIn("UP", "DEGRADED", "DOWN");
        }
        JsonNode full = health(api().platformAdmin().bearer());
        assertThat(full.has("components")).isTrue();
        assertThat(full.get("components").has("db")).isTrue();
    }

    @Test
    void prometheusIsNotPublic() {
        var society = sharedSociety();
        api().client().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        api().client().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, society.admin().bearer())
                .exchange().expectStatus().isForbidden();
        api().client().get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, society.residentA1().bearer())
                .exchange().expectStatus().isForbidden();
        Api.User operator = api().platformAdmin();
        // Spring Boot's test support switches the Prometheus exporter off (404 here, 200 in production):
        // what matters is that the operator's token passes security
        assertThat(api().client().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, operator.bearer())
                .exchange().expectBody().returnResult().getStatus().value()).isNotIn(401, 403);
        String metrics = api().client().get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, operator.bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm.memory.used");
    }
}
