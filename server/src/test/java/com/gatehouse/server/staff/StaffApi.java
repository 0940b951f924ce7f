package com.gatehouse.server.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff endpoints as the apps call them, on top of {@link Api}. */
final class StaffApi {

    static final String STAFF = "/staff/domestic";

    private final Api api;

    StaffApi(Api api) {
        this.api = api;
    }

    /** Registers a maid working for the flats and answers her id. */
    UUID registerMaid(Api.User by, String name, UUID... flats) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone", Api.uniquePhone(), "staffType", "MAID"));
        body.put("flatIds", Arrays.stream(flats).map(UUID::toString).toList());
        JsonNode staff = api.create(by, STAFF, body);
        assertThat(staff.get("name").asText()).isEqualTo(name);
        return UUID.fromString(staff.get("id").asText());
    }

    String qrToken(Api.User by, UUID staff) {
        return api.read(by, STAFF + "/{id}/qr", staff).get("qrToken").asText();
    }

    WebTestClient.ResponseSpec scan(Api.User guard, String qrToken) {
        return api.post(guard, STAFF + "/scan", Map.of("qrToken", qrToken)).exchange();
    }

    /** Scans and expects 200, answering {action, attendance}. */
    JsonNode scanOk(Api.User guard, String qrToken) {
        return scan(guard, qrToken).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode staff(Api.User by, UUID staff) {
        return api.read(by, STAFF + "/{id}", staff);
    }

    List<JsonNode> attendance(Api.User by, UUID staff, String query) {
        JsonNode body = api.read(by, STAFF + "/{id}/attendance" + query, staff);
        var items = new java.util.ArrayList<JsonNode>();
        body.get("attendance").forEach(items::add);
        assertThat(body.get("pagination").get("total").asInt()).isEqualTo(items.size());
        return items;
    }

    /** Waits until the repeat-scan window of the integration tests (PT2S) has passed. */
    static void afterRepeatWindow() {
        try {
            Thread.sleep(2_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
