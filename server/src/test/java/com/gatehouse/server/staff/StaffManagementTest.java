package com.gatehouse.server.staff;

import com.gatehouse.api.directory.SocietyTimeZones;
import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Admins and residents manage domestic staff; a resident only ever sees the staff of their own flat. */
class StaffManagementTest extends IntegrationTest {

    private StaffApi staff() {
        return new StaffApi(api());
    }

    private static List<String> names(JsonNode list) {
        var names = new java.util.ArrayList<String>();
        list.get("staff").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    @Test
    void aResidentRegistersTheirCookAndOnlyTheirFlatSeesHer() {
        var s = api().newSociety();
        JsonNode cook = api().create(s.residentA1(), StaffApi.STAFF,
                Map.of("name", "Kamala", "phone", "+919800000001", "staffType", "COOK"));
        UUID id = UUID.fromString(cook.get("id").asText());
        assertThat(cook.get("flatIds")).extracting(JsonNode::asText).containsExactly(s.flatA().toString());
        assertThat(cook.get("staffType").asText()).isEqualTo("COOK");
        assertThat(cook.get("isActive").asBoolean()).isTrue();
        assertThat(cook.get("isCurrentlyWorking").asBoolean()).isFalse();
        assertThat(cook.get("currentAttendanceId").isNull()).isTrue();

        assertThat(staff().staff(s.residentA2(), id).get("name").asText()).isEqualTo("Kamala");
        api().get(s.residentB(), StaffApi.STAFF + "/{id}", id).exchange().expectStatus().isNotFound();
        api().get(s.residentB(), StaffApi.STAFF + "/{id}/attendance", id).exchange().expectStatus().isNotFound();
        api().patch(s.residentB(), StaffApi.STAFF + "/{id}", Map.of("name", "X"), id).exchange().expectStatus().isNotFound();
        assertThat(names(api().read(s.residentB(), StaffApi.STAFF))).isEmpty();
        api().get(s.residentB(), StaffApi.STAFF + "?flatId={flat}", s.flatA()).exchange().expectStatus().isNotFound();
        assertThat(names(api().read(s.residentA2(), StaffApi.STAFF))).containsExactly("Kamala");
        assertThat(names(api().read(s.guard(), StaffApi.STAFF))).containsExactly("Kamala");
        assertThat(names(api().read(s.auditor(), StaffApi.STAFF + "?flatId={flat}", s.flatA()))).containsExactly("Kamala");
        assertThat(names(api().read(s.admin(), StaffApi.STAFF + "?flatId={flat}", s.flatB()))).isEmpty();

        var other = Map.of("name", "Kamala", "phone", "9800000001", "staffType", "COOK",
                "flatIds", List.of(s.flatB().toString()));
        api().post(s.residentA1(), StaffApi.STAFF, other).exchange().expectStatus().isNotFound();
        api().post(s.guard(), StaffApi.STAFF, other).exchange().expectStatus().isForbidden();
    }

    @Test
    void aResidentSeesOnlyTheirOwnFlatAmongTheFlatsAMaidWorksFor() {
        UUID maid = staff().registerMaid(sharedSociety().admin(), "Lakshmi", sharedSociety().flatA(), sharedSociety().flatB());
        assertThat(staff().staff(sharedSociety().admin(), maid).get("flatIds")).hasSize(2);
        assertThat(staff().staff(sharedSociety().residentB(), maid).get("flatIds")).extracting(JsonNode::asText)
                .containsExactly(sharedSociety().flatB().toString());
    }

    @Test
    void anAdminAssignsFlatsAndAResidentStopsEmployingTheMaid() {
        UUID maid = staff().registerMaid(sharedSociety().admin(), "Lakshmi", sharedSociety().flatA());
        JsonNode assigned = api().post(sharedSociety().admin(), StaffApi.STAFF + "/{id}/flats",
                Map.of("flatId", sharedSociety().flatB().toString()), maid).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(assigned.get("flatIds")).hasSize(2);
        assertThat(staff().staff(sharedSociety().residentB(), maid).get("name").asText()).isEqualTo("Lakshmi");
        api().post(sharedSociety().residentA1(), StaffApi.STAFF + "/{id}/flats",
                Map.of("flatId", sharedSociety().flatB().toString()), maid).exchange().expectStatus().isForbidden();
        api().post(sharedSociety().admin(), StaffApi.STAFF + "/{id}/flats",
                Map.of("flatId", UUID.randomUUID().toString()), maid).exchange().expectStatus().isNotFound();

        api().delete(sharedSociety().residentB(), StaffApi.STAFF + "/{id}/flats/{flat}", maid, sharedSociety().flatA()).exchange()
                .expectStatus().isNotFound();
        api().delete(sharedSociety().residentB(), StaffApi.STAFF + "/{id}/flats/{flat}", maid, sharedSociety().flatB()).exchange()
                .expectStatus().isNoContent();
        api().get(sharedSociety().residentB(), StaffApi.STAFF + "/{id}", maid).exchange().expectStatus().isNotFound();
        api().delete(sharedSociety().residentA1(), StaffApi.STAFF + "/{id}/flats/{flat}", maid, sharedSociety().flatA()).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void detailsAreUpdatedAndBadInputChangesNothing() {
        UUID maid = staff().registerMaid(sharedSociety().admin(), "Lakshmi", sharedSociety().flatA());
        JsonNode updated = api().patch(sharedSociety().residentA1(), StaffApi.STAFF + "/{id}",
                Map.of("name", "Lakshmi Devi", "staffType", "NANNY"), maid).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(updated.get("name").asText()).isEqualTo("Lakshmi Devi");
        assertThat(updated.get("staffType").asText()).isEqualTo("NANNY");

        api().patch(sharedSociety().admin(), StaffApi.STAFF + "/{id}", Map.of("staffType", "PLUMBER"), maid).exchange()
                .expectStatus().isBadRequest();
        api().patch(sharedSociety().admin(), StaffApi.STAFF + "/{id}", Map.of("phone", "12"), maid).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.phone").exists();
        api().post(sharedSociety().admin(), StaffApi.STAFF, Map.of("phone", "9800000001", "staffType", "MAID",
                "flatIds", List.of(sharedSociety().flatA().toString()))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.name").exists();
        api().post(sharedSociety().admin(), StaffApi.STAFF, Map.of("name", "X", "phone", "9800000001", "staffType", "MAID"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors.flatIds").exists();
        api().post(sharedSociety().admin(), StaffApi.STAFF, Map.of("name", "X", "phone", "9800000001", "staffType", "MAID",
                "flatIds", List.of(sharedSociety().flatA().toString()), "photoKey", "societies/x/STAFF_PHOTO/none.jpg"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors.photoKey").exists();
        assertThat(staff().staff(sharedSociety().admin(), maid).get("name").asText()).isEqualTo("Lakshmi Devi");
    }

    @Test
    void theSameIdempotencyKeyRegistersOnce() {
        var body = new HashMap<String, Object>(Map.of("name", "Ramesh", "phone", "9800000002", "staffType", "DRIVER",
                "flatIds", List.of(sharedSociety().flatB().toString())));
        JsonNode first = api().post(sharedSociety().residentB(), StaffApi.STAFF, body).header("Idempotency-Key", "driver-1")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode again = api().post(sharedSociety().residentB(), StaffApi.STAFF, body).header("Idempotency-Key", "driver-1")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(names(api().read(sharedSociety().residentB(), StaffApi.STAFF)).stream().filter("Ramesh"::equals)).hasSize(1);
    }

    @Test
    void attendanceIsFilteredByDate() {
        UUID maid = staff().registerMaid(sharedSociety().admin(), "Lakshmi", sharedSociety().flatA());
        staff().scanOk(sharedSociety().guard(), staff().qrToken(sharedSociety().admin(), maid));
        LocalDate today = LocalDate.now(SocietyTimeZones.DEFAULT); // a date is the society's day
        assertThat(staff().attendance(sharedSociety().residentA1(), maid, "?from=" + today + "&to=" + today)).hasSize(1);
        assertThat(staff().attendance(sharedSociety().residentA1(), maid, "?from=" + today.plusDays(1))).isEmpty();
        assertThat(staff().attendance(sharedSociety().admin(), maid, "?to=" + today.minusDays(1))).isEmpty();
        assertThat(staff().attendance(sharedSociety().admin(), maid, "?from=" + today.atStartOfDay(SocietyTimeZones.DEFAULT).toInstant()))
                .hasSize(1);
        api().get(sharedSociety().admin(), StaffApi.STAFF + "/{id}/attendance?from=yesterday", maid).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.from").exists();
        api().get(sharedSociety().admin(), StaffApi.STAFF + "/{id}/attendance?from={f}&to={t}", maid, today, today.minusDays(2))
                .exchange().expectStatus().isBadRequest();

        JsonNode visit = staff().attendance(sharedSociety().admin(), maid, "").get(0);
        assertThat(api().read(sharedSociety().residentA2(), StaffApi.STAFF + "/{id}/attendance/{a}", maid,
                visit.get("id").asText()).get("id")).isEqualTo(visit.get("id"));
        api().get(sharedSociety().residentB(), StaffApi.STAFF + "/{id}/attendance/{a}", maid, visit.get("id").asText())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aStaffPhotoIsAConfirmedStaffPhotoUploadOfTheSociety() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        String photo = api().upload(sharedSociety().residentA1(), "STAFF_PHOTO", "kamala.jpg", "image/jpeg", jpeg)
                .get("s3Key").asText();
        JsonNode cook = api().create(sharedSociety().residentA1(), StaffApi.STAFF, Map.of("name", "Kamala",
                "phone", "9800000003", "staffType", "COOK", "photoKey", photo));
        assertThat(cook.get("photoKey").asText()).isEqualTo(photo);

        String entryPhoto = api().upload(sharedSociety().guard(), "ENTRY_PHOTO", "gate.jpg", "image/jpeg", jpeg)
                .get("s3Key").asText();
        var elsewhere = api().newSociety();
        String foreignPhoto = api().upload(elsewhere.residentA1(), "STAFF_PHOTO", "x.jpg", "image/jpeg", jpeg)
                .get("s3Key").asText();
        for (String key : List.of(entryPhoto, foreignPhoto)) {
            api().patch(sharedSociety().residentA1(), StaffApi.STAFF + "/{id}", Map.of("photoKey", key), cook.get("id").asText())
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors.photoKey").exists();
        }
        assertThat(staff().staff(sharedSociety().admin(), UUID.fromString(cook.get("id").asText())).get("photoKey").asText())
                .isEqualTo(photo);
    }

    private JsonNode putTerms(Api.User by, UUID staff, UUID flat, Map<String, Object> terms, int status) {
        return api().client().put().uri("/api/v1/staff/domestic/{id}/flats/{flat}/terms", staff, flat)
                .header("Authorization", by.bearer()).header("X-Forwarded-For", api().address())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(terms)
                .exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void eachFlatKeepsItsOwnTermsWithAStaffMemberAndSeesOnlyItsOwn() {
        var society = api().newSociety();
        UUID lakshmi = staff().registerMaid(society.admin(), "Lakshmi", society.flatA(), society.flatB());
        JsonNode set = putTerms(society.residentA1(), lakshmi, society.flatA(), Map.of("workingDays",
                List.of("FRIDAY", "MONDAY", "WEDNESDAY"), "startTime", "07:00", "endTime", "09:00", "agreedRate", 4500,
                "rateType", "MONTHLY"), 200);
        assertThat(set.get("workingDays")).extracting(JsonNode::asText).containsExactly("MONDAY", "WEDNESDAY", "FRIDAY");
        assertThat(set.get("startTime").asText()).startsWith("07:00");
        assertThat(set.get("agreedRate").decimalValue()).isEqualByComparingTo("4500");
        assertThat(set.get("rateType").asText()).isEqualTo("MONTHLY");

        // A-101 sees only its own terms and cannot touch B-201's; B-201 sees its own, still empty
        JsonNode ofA = api().read(society.residentA1(), "/staff/domestic/{id}/flats", lakshmi);
        assertThat(ofA.get("assignments")).singleElement()
                .satisfies(a -> assertThat(a.get("flatId").asText()).isEqualTo(society.flatA().toString()));
        putTerms(society.residentA1(), lakshmi, society.flatB(), Map.of("workingDays", List.of("SUNDAY")), 404);
        JsonNode ofB = api().read(society.residentB(), "/staff/domestic/{id}/flats", lakshmi);
        assertThat(ofB.get("assignments")).singleElement().satisfies(a -> {
            assertThat(a.get("flatId").asText()).isEqualTo(society.flatB().toString());
            assertThat(a.get("workingDays")).isEmpty();
            assertThat(a.get("agreedRate").isNull()).isTrue();
        });
        // the admin sees and sets every flat's; guards do not see what flats pay; other societies see nothing
        putTerms(society.admin(), lakshmi, society.flatB(), Map.of("agreedRate", 150, "rateType", "PER_VISIT"), 200);
        JsonNode all = api().read(society.admin(), "/staff/domestic/{id}/flats", lakshmi);
        assertThat(all.get("pagination").get("total").asInt()).isEqualTo(2);
        api().get(society.guard(), "/staff/domestic/{id}/flats", lakshmi).exchange().expectStatus().isForbidden();
        var other = api().newSociety();
        api().get(other.admin(), "/staff/domestic/{id}/flats", lakshmi).exchange().expectStatus().isNotFound();
        putTerms(other.admin(), lakshmi, society.flatA(), Map.of(), 404);

        // bad terms are refused and change nothing
        JsonNode refused = putTerms(society.residentA1(), lakshmi, society.flatA(), Map.of("startTime", "09:00",
                "endTime", "08:00"), 400);
        assertThat(refused.get("detail").asText()).contains("endTime");
        putTerms(society.residentA1(), lakshmi, society.flatA(), Map.of("agreedRate", 10, "rateType", "WEEKLY"), 400);
        assertThat(api().read(society.residentA1(), "/staff/domestic/{id}/flats", lakshmi).at("/assignments/0/rateType")
                .asText()).isEqualTo("MONTHLY");

        // a flat she no longer works for loses its terms
        api().delete(society.admin(), "/staff/domestic/{id}/flats/{flat}", lakshmi, society.flatB()).exchange()
                .expectStatus().isNoContent();
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api().read(society.admin(),
                "/staff/domestic/{id}/flats", lakshmi).get("assignments")).hasSize(1));
    }
}
