package com.gatehouse.server.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryTest extends IntegrationTest {

    @Test
    void thePlatformAdminSetsUpASocietyAndEveryoneLogsIn() {
        Api.User platform = api().platformAdmin();
        JsonNode society = api().create(platform, "/admin/societies", Map.of("name", "Lake View", "city", "Chennai"));
        assertThat(society.get("name").asText()).isEqualTo("Lake View");
        UUID societyId = UUID.fromString(society.get("id").asText());
        JsonNode flat = api().create(platform, "/admin/societies/{id}/flats", Map.of("block", "C", "number", "12"), societyId);
        assertThat(flat.get("societyId").asText()).isEqualTo(societyId.toString());

        Api.User admin = api().newUser(platform, societyId, "ADMIN", null);
        Api.User guard = api().newUser(admin, societyId, "GUARD", null);
        Api.User resident = api().newUser(admin, societyId, "RESIDENT", UUID.fromString(flat.get("id").asText()));
        assertThat(api().read(guard, "/auth/me").get("role").asText()).isEqualTo("GUARD");
        assertThat(api().read(resident, "/auth/me").get("flatId").asText()).isEqualTo(flat.get("id").asText());

        JsonNode users = api().read(admin, "/admin/societies/{id}/users", societyId);
        assertThat(users.get("users")).hasSize(3);
        assertThat(users.get("pagination").get("total").asInt()).isEqualTo(3);
        assertThat(users.get("users").get(0).get("role").asText()).as("newest first").isEqualTo("RESIDENT");
        assertThat(users.get("users").get(0).has("passwordHash")).isFalse();
    }

    @Test
    void listsArePaged() {
        var society = api().newSociety();
        for (int i = 0; i < 3; i++) {
            api().create(society.admin(), "/admin/societies/{id}/flats", Map.of("block", "P", "number", "" + i), society.id());
        }
        JsonNode page = api().read(society.admin(), "/admin/societies/{id}/flats?page=2&limit=2", society.id());
        assertThat(page.get("flats")).hasSize(2);
        assertThat(page.get("pagination").get("total").asInt()).isEqualTo(5);
        assertThat(page.get("pagination").get("totalPages").asInt()).isEqualTo(3);
        assertThat(page.get("pagination").get("page").asInt()).isEqualTo(2);
        api().get(society.admin(), "/admin/societies/{id}/flats?limit=101", society.id()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.limit").exists();
        api().get(society.admin(), "/admin/societies/{id}/flats?page=0", society.id()).exchange()
                .expectStatus().isBadRequest();
        api().get(society.admin(), "/admin/societies/{id}/flats?page=abc", society.id()).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aPhoneNumberBelongsToOneUser() {
        var society = api().newSociety();
        var body = Map.of("name", "Copy", "phone", society.guard().phone(), "password", Api.PASSWORD, "role", "GUARD");
        api().post(society.admin(), "/admin/societies/{id}/users", body, society.id()).exchange()
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void invalidUsersAreRefusedWithTheirFields() {
        var society = api().newSociety();
        api().post(society.admin(), "/admin/societies/{id}/users",
                        Map.of("name", "", "phone", "12", "password", "short", "role", "GUARD"), society.id())
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.name").exists().jsonPath("$.errors.phone").exists()
                .jsonPath("$.errors.password").exists();
        api().post(society.admin(), "/admin/societies/{id}/users",
                        Map.of("name", "X", "phone", Api.uniquePhone(), "password", Api.PASSWORD, "role", "KING"), society.id())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors.role")
                .isEqualTo("must be one of SUPER_ADMIN, ADMIN, GUARD, RESIDENT, AUDITOR, APPLICANT");
        // a resident needs a flat of this society: another society's flat does not exist here
        var other = api().newSociety();
        api().post(society.admin(), "/admin/societies/{id}/users", Map.of("name", "X", "phone", Api.uniquePhone(),
                        "password", Api.PASSWORD, "role", "RESIDENT", "flatId", other.flatA().toString()), society.id())
                .exchange().expectStatus().isNotFound();
        api().post(society.admin(), "/admin/societies/{id}/users", Map.of("name", "X", "phone", Api.uniquePhone(),
                        "password", Api.PASSWORD, "role", "SUPER_ADMIN"), society.id())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyCreatesNothingNew() {
        var society = api().newSociety();
        String key = UUID.randomUUID().toString();
        JsonNode first = api().post(society.admin(), "/admin/societies/{id}/flats", Map.of("block", "K", "number", "1"), society.id())
                .header("Idempotency-Key", key).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode again = api().post(society.admin(), "/admin/societies/{id}/flats", Map.of("block", "K", "number", "1"), society.id())
                .header("Idempotency-Key", key).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        assertThat(api().read(society.admin(), "/admin/societies/{id}/flats", society.id()).get("pagination").get("total").asInt())
                .isEqualTo(3);
        // without the key the same address is a conflict, not a second flat
        api().post(society.admin(), "/admin/societies/{id}/flats", Map.of("block", "K", "number", "1"), society.id())
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void anAdminChangesARoleAndTheNewTokenShowsIt() {
        var society = api().newSociety();
        Api.User resident = society.residentB();
        var body = new HashMap<String, Object>(Map.of("role", "GUARD"));
        JsonNode changed = api().patch(society.admin(), "/admin/societies/{s}/users/{u}", body, society.id(), resident.id())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(changed.get("role").asText()).isEqualTo("GUARD");
        assertThat(changed.get("flatId").isNull()).isTrue();
        assertThat(api().login(resident.phone(), Api.PASSWORD).role()).isEqualTo("GUARD");
        // an admin of another society does not see this user
        var other = api().newSociety();
        api().patch(other.admin(), "/admin/societies/{s}/users/{u}", body, society.id(), resident.id())
                .exchange().expectStatus().isNotFound();
        api().patch(other.admin(), "/admin/societies/{s}/users/{u}", body, other.id(), resident.id())
                .exchange().expectStatus().isNotFound();
    }
}
