package com.gatehouse.server.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The primary resident's family: invites (at most 6 residents per flat, even at once), sign-in, roles, removal. */
class FamilyTest extends IntegrationTest {

    @Test
    void eightInvitesAtOnceForAFlatOfTwoLeaveSixResidents() throws Exception {
        var s = api().newSociety();
        Api.User primary = s.residentA1(); // the flat's first resident
        int invites = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(invites);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < invites; i++) {
                String phone = Api.uniquePhone();
                int n = i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api().post(primary, "/resident/family/invite",
                                    Map.of("phone", phone, "name", "Member " + n, "familyRole", "CHILD"))
                            .exchange().returnResult(Void.class).getStatus().value();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                answered.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(answered).filteredOn(c -> c == 201).hasSize(4);
            assertThat(answered).filteredOn(c -> c == 409).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
        JsonNode members = api().read(primary, "/resident/family").get("familyMembers");
        assertThat(members).hasSize(6);
        assertThat(members.get(0).get("id").asText()).isEqualTo(primary.id().toString());
        assertThat(members.get(0).get("primaryResident").asBoolean()).isTrue();
    }

    @Test
    void anInviteeBecomesAResidentAtFirstSignInAndThePrimaryManagesThem() {
        var s = api().newSociety();
        Api.User primary = s.residentB();
        String phone = Api.uniquePhone();
        JsonNode invited = api().create(primary, "/resident/family/invite",
                Map.of("phone", phone, "name", "Lata", "familyRole", "PARENT"));
        assertThat(invited.get("invited").asBoolean()).isTrue();
        assertThat(invited.get("active").asBoolean()).isFalse();
        String memberId = invited.get("id").asText();
        // only the primary invites; the phone is one account's
        api().post(s.residentA2(), "/resident/family/invite", Map.of("phone", Api.uniquePhone(), "name", "X",
                "familyRole", "OTHER")).exchange().expectStatus().isForbidden();
        api().post(primary, "/resident/family/invite", Map.of("phone", "+91" + phone, "name", "Again",
                "familyRole", "OTHER")).exchange().expectStatus().isEqualTo(409);

        Api.User lata = PhoneSignIn.signIn(api(), phone, null);
        assertThat(lata.role()).isEqualTo("RESIDENT");
        assertThat(lata.flatId()).isEqualTo(s.flatB());
        api().get(lata, "/gate/requests").exchange().expectStatus().isOk();

        JsonNode changed = api().patch(primary, "/resident/family/{id}/role", Map.of("familyRole", "SPOUSE"), memberId)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(changed.get("familyRole").asText()).isEqualTo("SPOUSE");
        // never themselves, never another flat's member, only the primary
        api().delete(primary, "/resident/family/{id}", primary.id()).exchange().expectStatus().isBadRequest();
        api().delete(primary, "/resident/family/{id}", s.residentA2().id()).exchange().expectStatus().isNotFound();
        api().delete(lata, "/resident/family/{id}", primary.id()).exchange().expectStatus().isNotFound();

        api().delete(primary, "/resident/family/{id}", memberId).exchange().expectStatus().isNoContent();
        assertThat(api().read(primary, "/resident/family").get("familyMembers")).hasSize(1);
        PhoneSignIn.verify(api(), phone, "000000", null); // whatever the code, a removed member is out:
        api().client().post().uri("/api/v1/auth/refresh").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", lata.refreshToken())).exchange().expectStatus().isUnauthorized();
    }
}
