package com.gatehouse.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** /v3/api-docs describes every error answer, which operations need no token, and every tag. */
class OpenApiDocsTest extends IntegrationTest {

    static final Set<String> PUBLIC = Set.of("post /api/v1/auth/login", "post /api/v1/auth/refresh",
            "post /api/v1/auth/resident-app/login", "post /api/v1/auth/guard-app/login", "get /.well-known/jwks.json",
            "post /api/v1/auth/otp/send", "post /api/v1/auth/otp/verify", "post /api/v1/auth/change-password");

    private JsonNode docs() {
        return api().client().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void everyOperationDeclaresItsProblemAnswersAndPublicOnesNeedNoToken() {
        JsonNode docs = docs();
        assertThat(docs.get("security").toString()).contains("bearer");
        List<String> missing = new ArrayList<>();
        Set<String> open = new HashSet<>();
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey() + " " + path.getKey();
            JsonNode operation = op.getValue();
            JsonNode responses = operation.get("responses");
            List<String> problems = new ArrayList<>();
            responses.fields().forEachRemaining(response -> {
                JsonNode content = response.getValue().get("content");
                if (response.getKey().matches("[45]\\d\\d") && content != null && content.has("application/problem+json")) {
                    assertThat(content.get("application/problem+json").get("schema").get("$ref").asText())
                            .isEqualTo("#/components/schemas/Problem");
                    problems.add(response.getKey());
                }
            });
            if (!problems.contains("500") || (!PUBLIC.contains(name) && !problems.containsAll(List.of("401", "403")))
                    || (path.getKey().contains("{") && !problems.contains("404"))
                    || (operation.has("requestBody") && !problems.containsAll(List.of("400", "415")))) {
                missing.add(name + " " + problems);
            }
            if (operation.has("security") && operation.get("security").isEmpty()) {
                open.add(name);
            }
        }));
        assertThat(missing).as("operations without their problem answers").isEmpty();
        assertThat(open).as("operations that need no token").isEqualTo(PUBLIC);
        assertThat(docs.at("/components/schemas/Problem/properties").has("detail")).isTrue();
        assertThat(docs.at("/paths/~1api~1v1~1auth~1login/post/responses/429")).isNotNull();
        assertThat(docs.at("/paths/~1api~1v1~1auth~1login/post/responses").has("429")).isTrue();
    }

    @Test
    void everyTagHasADescription() {
        JsonNode docs = docs();
        Set<String> used = new HashSet<>();
        docs.get("paths").forEach(path -> path.forEach(op -> op.get("tags").forEach(tag -> used.add(tag.asText()))));
        Set<String> described = new HashSet<>();
        docs.get("tags").forEach(tag -> {
            if (tag.hasNonNull("description") && !tag.get("description").asText().isBlank()) {
                described.add(tag.get("name").asText());
            }
        });
        assertThat(used).isNotEmpty();
        assertThat(described).containsAll(used);
    }
}
