package com.gatehouse.server.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps everything across a restart: events, read models, keys, logins. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartedServerKeepsSocietiesUsersAndTokens() {
        UUID society;
        String residentPhone;
        String accessToken;
        try (var server = StandaloneServer.start(dataDir)) {
            Api api = server.api();
            var built = api.newSociety();
            society = built.id();
            residentPhone = built.residentA1().phone();
            accessToken = built.admin().token();
        }
        try (var server = StandaloneServer.start(dataDir)) {
            Api api = server.api();
            Api.User resident = api.login(residentPhone, Api.PASSWORD);
            assertThat(resident.societyId()).isEqualTo(society);
            // a token issued before the restart is still valid: the signing key is kept in the data dir
            JsonNode users = api.client().get().uri("/api/v1/admin/societies/{id}/users", society)
                    .header("Authorization", "Bearer " + accessToken).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(users.get("pagination").get("total").asInt()).as("admin, guard, three residents, auditor").isEqualTo(6);
            // and the command side still knows what exists: the same flat address is still taken
            api.post(api.platformAdmin(), "/admin/societies/{id}/flats", Map.of("block", "A", "number", "101"), society)
                    .exchange().expectStatus().isEqualTo(409);
        }
    }
}
