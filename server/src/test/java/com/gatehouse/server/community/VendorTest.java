package com.gatehouse.server.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendor directory on the real stack: ratings replaced per resident, verified first, other societies. */
class VendorTest extends IntegrationTest {

    private String vendor(Api.User admin, String name, String category) {
        return api().create(admin, "/staff/vendors", Map.of("name", name, "category", category,
                "phone", Api.uniquePhone(), "workingDays", java.util.List.of("MON", "SAT"))).get("id").asText();
    }

    private JsonNode rate(Api.User who, String vendor, int rating, String review) {
        return api().post(who, "/staff/vendors/{id}/rate", Map.of("rating", rating, "review", review), vendor)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aResidentsSecondRatingReplacesTheFirstAndTheAverageFollows() {
        var society = sharedSociety();
        String ramesh = vendor(society.admin(), "Ramesh", "PLUMBER");
        rate(society.residentA1(), ramesh, 5, "Fixed the leak in an hour");
        JsonNode two = rate(society.residentB(), ramesh, 2, "Came late");
        assertThat(two.get("averageRating").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(two.get("totalReviews").asInt()).isEqualTo(2);

        JsonNode replaced = rate(society.residentA1(), ramesh, 3, "The leak came back");
        assertThat(replaced.get("averageRating").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(replaced.get("totalReviews").asInt()).isEqualTo(2);
        JsonNode seen = api().read(society.guard(), "/staff/vendors/{id}", ramesh);
        assertThat(seen.get("rating").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(seen.get("totalReviews").asInt()).isEqualTo(2);
        JsonNode mine = api().read(society.residentA1(), "/staff/vendors/{id}/my-rating", ramesh);
        assertThat(mine.get("rating").asInt()).isEqualTo(3);
        assertThat(mine.get("review").asText()).isEqualTo("The leak came back");

        api().post(society.residentA1(), "/staff/vendors/{id}/rate", Map.of("rating", 6), ramesh).exchange()
                .expectStatus().isBadRequest();
        api().post(society.guard(), "/staff/vendors/{id}/rate", Map.of("rating", 4), ramesh).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void membersListActiveVendorsVerifiedFirstAndByCategory() {
        var society = api().newSociety();
        String ramesh = vendor(society.admin(), "Ramesh", "PLUMBER");
        String suresh = vendor(society.admin(), "Suresh", "PLUMBER");
        String gone = vendor(society.admin(), "Ganesh", "ELECTRICIAN");
        JsonNode verified = api().patch(society.admin(), "/staff/vendors/{id}/verify", Map.of(), suresh).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(verified.get("isVerified").asBoolean()).isTrue();
        api().delete(society.admin(), "/staff/vendors/{id}", gone).exchange().expectStatus().isNoContent();
        api().post(society.residentA1(), "/staff/vendors/{id}/rate", Map.of("rating", 5), gone).exchange()
                .expectStatus().isEqualTo(409);

        assertThat(api().read(society.residentA1(), "/staff/vendors").get("vendors").findValuesAsText("id"))
                .containsExactly(suresh, ramesh);
        assertThat(api().read(society.residentA1(), "/staff/vendors?isActive=false").get("vendors").findValuesAsText("id"))
                .containsExactly(suresh, ramesh);
        assertThat(api().read(society.admin(), "/staff/vendors?isActive=false").get("vendors").findValuesAsText("id"))
                .containsExactly(gone);
        JsonNode groups = api().read(society.residentA1(), "/staff/vendors/by-category");
        assertThat(groups.get("PLUMBER").findValuesAsText("id")).containsExactly(suresh, ramesh);
        assertThat(groups.has("ELECTRICIAN")).isFalse();

        JsonNode edited = api().patch(society.admin(), "/staff/vendors/{id}", Map.of("companyName", "Ramesh & Sons",
                "isActive", true), ramesh).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(edited.get("companyName").asText()).isEqualTo("Ramesh & Sons");
        assertThat(edited.get("name").asText()).isEqualTo("Ramesh");
        api().patch(society.residentA1(), "/staff/vendors/{id}", Map.of("name", "x"), ramesh).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anotherSocietysVendorsAreNotFound() {
        var a = api().newSociety();
        var b = sharedSociety();
        String ramesh = vendor(a.admin(), "Ramesh", "PLUMBER");
        assertThat(api().read(b.admin(), "/staff/vendors").get("vendors").findValuesAsText("id")).doesNotContain(ramesh);
        api().get(b.residentA1(), "/staff/vendors/{id}", ramesh).exchange().expectStatus().isNotFound();
        api().post(b.residentA1(), "/staff/vendors/{id}/rate", Map.of("rating", 1), ramesh).exchange()
                .expectStatus().isNotFound();
        api().patch(b.admin(), "/staff/vendors/{id}/verify", Map.of(), ramesh).exchange().expectStatus().isNotFound();
        api().delete(b.admin(), "/staff/vendors/{id}", ramesh).exchange().expectStatus().isNotFound();
    }
}
