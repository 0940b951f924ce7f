package com.gatehouse.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every list answers the contract's shape: {@code {"<items>": [...], "pagination": {total, page, limit,
 * totalPages}}} and nothing else. The lists are found in the server's own OpenAPI document (every GET
 * with a {@code limit} parameter), so a new list is checked the day it appears.
 */
class ListShapeTest extends IntegrationTest {

    /** "Response: {flats: [...], pagination}" in an operation's description names its items. */
    private static final Pattern DOCUMENTED_ITEMS = Pattern.compile("\\{(\\w+): \\[\\.\\.\\.]");

    @Test
    void everyListAnswersItsItemsAndThePagination() {
        var society = api().newSociety();
        UUID staff = UUID.fromString(api().create(society.admin(), "/staff/domestic", Map.of("name", "Lakshmi",
                "phone", Api.uniquePhone(), "staffType", "MAID", "flatIds", List.of(society.flatA().toString())))
                .get("id").asText());
        Map<String, String> pathValues = Map.of("societyId", society.id().toString(), "staffId", staff.toString(),
                "name", "entry-requests",
                "blockId", com.gatehouse.api.directory.Blocks.idOf(society.id(), "A").toString());
        List<Api.User> callers = List.of(society.admin(), society.guard(), society.residentA1(), society.auditor(),
                api().platformAdmin());

        JsonNode docs = api().client().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get == null || !hasQueryParameter(get, "limit")) {
                continue;
            }
            String uri = fill(path.getKey(), pathValues);
            JsonNode body = firstAnswer(uri + (uri.contains("?") ? "&" : "?") + "page=1&limit=2", callers);
            assertShape(path.getKey(), get, body);
            checked.add(path.getKey());
        }
        assertThat(checked).as("lists found in /v3/api-docs").contains("/api/v1/resident/notifications",
                "/api/v1/gate/requests", "/api/v1/gate/entries", "/api/v1/staff/domestic",
                "/api/v1/staff/domestic/{staffId}/attendance", "/api/v1/admin/societies/{societyId}/flats",
                "/api/v1/admin/societies/{societyId}/users", "/api/v1/admin/projections/{name}/dead-letters",
                "/api/v1/gate/preapprovals", "/api/v1/gate/passes");
    }

    private static void assertShape(String path, JsonNode operation, JsonNode body) {
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("%s answers its items and pagination only", path).hasSize(2).contains("pagination");
        String items = fields.get(0).equals("pagination") ? fields.get(1) : fields.get(0);
        assertThat(items).as("%s: items are named in camelCase", path).matches("[a-z][A-Za-z]*");
        assertThat(body.get(items).isArray()).as("%s: %s is an array", path, items).isTrue();
        assertThat(body.get(items).size()).as("%s: at most limit items", path).isLessThanOrEqualTo(2);

        JsonNode pagination = body.get("pagination");
        List<String> paginationFields = new ArrayList<>();
        pagination.fieldNames().forEachRemaining(paginationFields::add);
        assertThat(paginationFields).as("%s: pagination", path)
                .containsExactlyInAnyOrder("total", "page", "limit", "totalPages");
        paginationFields.forEach(f -> assertThat(pagination.get(f).isIntegralNumber()).as("%s: pagination.%s", path, f).isTrue());
        assertThat(pagination.get("page").asInt()).isEqualTo(1);
        assertThat(pagination.get("limit").asInt()).isEqualTo(2);
        long total = pagination.get("total").asLong();
        assertThat(pagination.get("totalPages").asLong()).as("%s: totalPages", path).isEqualTo((total + 1) / 2);

        String description = operation.path("description").asText("");
        Matcher documented = DOCUMENTED_ITEMS.matcher(description);
        if (documented.find()) {
            assertThat(items).as("%s: the items its description names", path).isEqualTo(documented.group(1));
        }
    }

    private JsonNode firstAnswer(String uri, List<Api.User> callers) {
        Map<String, Integer> refusals = new HashMap<>();
        for (Api.User caller : callers) {
            var result = api().client().get().uri(uri).header(HttpHeaders.AUTHORIZATION, caller.bearer())
                    .exchange().expectBody(JsonNode.class).returnResult();
            if (result.getStatus().value() == 200) {
                return result.getResponseBody();
            }
            refusals.put(caller.role(), result.getStatus().value());
        }
        return fail("No role could read the list " + uri + ": " + refusals);
    }

    private static boolean hasQueryParameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asText()) && "query".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String fill(String path, Map<String, String> values) {
        Matcher variable = Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String value = values.get(variable.group(1));
            if (value == null) {
                fail("The list " + path + " needs a sample value for {" + variable.group(1) + "} in this test");
            }
            variable.appendReplacement(filled, value);
        }
        variable.appendTail(filled);
        return filled.toString();
    }
}
