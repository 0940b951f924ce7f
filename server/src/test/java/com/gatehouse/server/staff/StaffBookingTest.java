package com.gatehouse.server.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Domestic staff in full, on the real stack: badge, availability, profile, bookings (and their race), reviews. */
class StaffBookingTest extends IntegrationTest {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private StaffApi staff() {
        return new StaffApi(api());
    }

    private JsonNode putProfile(Api.User by, UUID staff, Map<String, Object> profile, int status) {
        return api().client().put().uri("/api/v1/staff/domestic/{id}/profile", staff)
                .header("Authorization", by.bearer()).header("X-Forwarded-For", api().address())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(profile)
                .exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> names(JsonNode list) {
        var names = new ArrayList<String>();
        list.get("staff").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private Map<String, Object> slot(UUID staff, String from, String to) {
        var body = new HashMap<String, Object>();
        body.put("staffId", staff.toString());
        body.put("bookingDate", LocalDate.now(INDIA).plusDays(1).toString());
        body.put("startTime", from);
        body.put("endTime", to);
        body.put("workType", "Deep cleaning");
        return body;
    }

    @Test
    void anAdminVerifiesAndResidentsSeeTheBadgeTheFiltersAndAMaskedProfile() {
        var s = api().newSociety();
        UUID lakshmi = staff().registerMaid(s.admin(), "Lakshmi Devi", s.flatA());
        UUID ramu = staff().registerMaid(s.admin(), "Ramu", s.flatA());
        JsonNode verified = api().patch(s.admin(), "/staff/domestic/{id}/verification", Map.of("verified", true), lakshmi)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(verified.get("isVerified").asBoolean()).isTrue();
        assertThat(verified.get("verifiedBy").asText()).isEqualTo(s.admin().id().toString());
        api().patch(s.residentA1(), "/staff/domestic/{id}/verification", Map.of("verified", true), ramu)
                .exchange().expectStatus().isForbidden();

        JsonNode profiled = putProfile(s.admin(), lakshmi, Map.of("languages", List.of("Hindi", "Marathi"),
                "experienceYears", 6, "idProofType", "AADHAAR", "idProofNumber", "123456789012",
                "address", "Baner, Pune", "emergencyContactPhone", "9800000099"), 200);
        assertThat(profiled.at("/profile/idProofNumber").asText()).isEqualTo("123456789012");
        JsonNode seenByResident = staff().staff(s.residentA1(), lakshmi);
        assertThat(seenByResident.at("/profile/idProofNumber").asText()).isEqualTo("********9012");
        assertThat(seenByResident.at("/profile/address").asText()).isEqualTo("(hidden)");
        assertThat(seenByResident.at("/profile/languages").toString()).isEqualTo("[\"Hindi\",\"Marathi\"]");
        putProfile(s.admin(), lakshmi, Map.of("idProofNumber", "X1"), 400);
        putProfile(s.residentB(), lakshmi, Map.of("experienceYears", 2), 404);

        JsonNode onLeave = api().patch(s.residentA1(), "/staff/domestic/{id}/availability",
                Map.of("availability", "ON_LEAVE"), ramu).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(onLeave.get("availability").asText()).isEqualTo("ON_LEAVE");
        api().patch(s.admin(), "/staff/domestic/{id}/availability", Map.of("availability", "BUSY"), ramu)
                .exchange().expectStatus().isBadRequest();

        assertThat(names(api().read(s.residentA1(), "/staff/domestic?verified=true"))).containsExactly("Lakshmi Devi");
        assertThat(names(api().read(s.admin(), "/staff/domestic?availability=ON_LEAVE"))).containsExactly("Ramu");
        assertThat(names(api().read(s.guard(), "/staff/domestic?search=devi"))).containsExactly("Lakshmi Devi");
        assertThat(names(api().read(s.guard(), "/staff/domestic?staffType=COOK"))).isEmpty();
        // checked in, she is BUSY
        staff().scanOk(s.guard(), staff().qrToken(s.admin(), lakshmi));
        assertThat(names(api().read(s.admin(), "/staff/domestic?availability=BUSY"))).containsExactly("Lakshmi Devi");
        // another society sees none of it
        var other = api().newSociety();
        api().patch(other.admin(), "/staff/domestic/{id}/verification", Map.of("verified", false), lakshmi)
                .exchange().expectStatus().isNotFound();
        assertThat(names(api().read(other.admin(), "/staff/domestic?search=lakshmi"))).isEmpty();
    }

    @Test
    void overlappingBookingsSentAtOnceLeaveExactlyOneAndTheFlatHearsOfEachStep() throws Exception {
        var s = api().newSociety();
        UUID maid = staff().registerMaid(s.admin(), "Sunita", s.flatB());
        int bookings = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(bookings);
        var answers = new ArrayList<Future<HttpStatus>>();
        try {
            for (int i = 0; i < bookings; i++) {
                Api.User resident = i % 2 == 0 ? s.residentA1() : s.residentB();
                // every slot overlaps every other: 09:00-11:00, 09:10-11:10, ... (different start times)
                var body = slot(maid, String.format("09:%02d", i * 5), String.format("11:%02d", i * 5));
                answers.add(pool.submit(() -> {
                    start.await();
                    return HttpStatus.valueOf(api().post(resident, "/staff/domestic/bookings", body).exchange()
                            .returnResult(Void.class).getStatus().value());
                }));
            }
            start.countDown();
            var statuses = new ArrayList<HttpStatus>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(st -> st == HttpStatus.CREATED).hasSize(1);
            assertThat(statuses).filteredOn(st -> st == HttpStatus.CONFLICT).hasSize(bookings - 1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode list = api().read(s.admin(), "/staff/domestic/bookings?staffId={id}", maid);
        assertThat(list.get("bookings")).hasSize(1);
        JsonNode booking = list.get("bookings").get(0);
        String id = booking.get("id").asText();
        assertThat(booking.get("status").asText()).isEqualTo("PENDING");
        Api.User booker = booking.get("flatId").asText().equals(s.flatA().toString()) ? s.residentA1() : s.residentB();
        Api.User stranger = booker == s.residentB() ? s.residentA1() : s.residentB();

        // the slot is taken: not offered as available; a slot after it is
        String tomorrow = LocalDate.now(INDIA).plusDays(1).toString();
        assertThat(names(api().read(booker, "/staff/domestic/available?date={d}&startTime=10:00&endTime=10:30", tomorrow)))
                .doesNotContain("Sunita");
        assertThat(names(api().read(booker, "/staff/domestic/available?date={d}&startTime=12:00&endTime=13:00", tomorrow)))
                .contains("Sunita");

        // another flat cannot touch it; the admin accepts; the booker completes
        api().patch(stranger, "/staff/domestic/bookings/{id}/cancel", Map.of(), id).exchange().expectStatus().isNotFound();
        api().patch(booker, "/staff/domestic/bookings/{id}/accept", Map.of(), id).exchange().expectStatus().isForbidden();
        JsonNode accepted = api().patch(s.admin(), "/staff/domestic/bookings/{id}/accept", Map.of(), id).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(accepted.get("status").asText()).isEqualTo("CONFIRMED");
        api().patch(s.admin(), "/staff/domestic/bookings/{id}/reject", Map.of("reason", "late"), id).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        JsonNode done = api().patch(booker, "/staff/domestic/bookings/{id}/complete",
                Map.of("actualDuration", 130, "finalCost", 650), id).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("actualDuration").asInt()).isEqualTo(130);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                api().notifications(booker, "STAFF_BOOKING").stream().map(n -> n.get("title").asText()).toList())
                .contains("Booking requested", "Booking confirmed", "Booking completed"));
        assertThat(api().notifications(s.admin(), "STAFF_BOOKING")).isNotEmpty();
        assertThat(api().notifications(stranger, "STAFF_BOOKING")).isEmpty();
        var other = api().newSociety();
        api().get(other.admin(), "/staff/domestic/bookings/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(api().read(other.admin(), "/staff/domestic/bookings").get("bookings")).isEmpty();
    }

    @Test
    void residentsReviewOncePerMonthAndAHiddenReviewLeavesTheAverage() {
        var s = api().newSociety();
        UUID maid = staff().registerMaid(s.admin(), "Geeta", s.flatA());
        JsonNode first = api().create(s.residentA1(), "/staff/domestic/{id}/reviews",
                Map.of("rating", 5, "quality", 5, "comment", "Very careful"), maid);
        assertThat(first.get("month").asText()).isEqualTo(YearMonth.now(INDIA).toString());
        api().post(s.residentA1(), "/staff/domestic/{id}/reviews", Map.of("rating", 1), maid).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        JsonNode second = api().create(s.residentA2(), "/staff/domestic/{id}/reviews", Map.of("rating", 2), maid);
        api().post(s.residentB(), "/staff/domestic/{id}/reviews", Map.of("rating", 4), maid).exchange()
                .expectStatus().isNotFound();
        api().post(s.residentA2(), "/staff/domestic/{id}/reviews", Map.of("rating", 9), maid).exchange()
                .expectStatus().isBadRequest();
        JsonNode rated = staff().staff(s.residentA1(), maid);
        assertThat(rated.get("rating").asDouble()).isEqualTo(3.5);
        assertThat(rated.get("totalReviews").asInt()).isEqualTo(2);

        api().patch(s.admin(), "/staff/domestic/{id}/reviews/{r}/hide", Map.of("reason", "abusive"), maid,
                second.get("id").asText()).exchange().expectStatus().isOk();
        JsonNode after = staff().staff(s.residentA1(), maid);
        assertThat(after.get("rating").asDouble()).isEqualTo(5.0);
        assertThat(after.get("totalReviews").asInt()).isEqualTo(1);
        assertThat(api().read(s.residentA1(), "/staff/domestic/{id}/reviews", maid).get("reviews")).hasSize(1);
        JsonNode adminView = api().read(s.admin(), "/staff/domestic/{id}/reviews", maid).get("reviews");
        assertThat(adminView).hasSize(2);
        assertThat(adminView.findValuesAsText("hiddenReason")).contains("abusive");
        // the reviewer is named to admins and to the reviewer only
        JsonNode seenByNeighbour = api().read(s.residentA2(), "/staff/domestic/{id}/reviews", maid).get("reviews").get(0);
        assertThat(seenByNeighbour.get("reviewerId").isNull()).isTrue();
        // hiding is in the staff member's audited history (the audit index follows the event stream on its own:
        // it may be a moment behind the staff read model the hide was answered from)
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api().get(s.admin(),
                        "/admin/audit/events?aggregateId={id}", maid).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("StaffReviewHidden").contains("abusive"));
    }

    @Test
    void guardsReadTheSocietysAttendanceLogAndAResidentSeesWhoCameThisMonth() {
        var s = api().newSociety();
        UUID maid = staff().registerMaid(s.admin(), "Kamala", s.flatA());
        UUID cook = staff().registerMaid(s.admin(), "Ravi", s.flatB());
        staff().scanOk(s.guard(), staff().qrToken(s.admin(), maid));
        staff().scanOk(s.guard(), staff().qrToken(s.admin(), cook));
        StaffApi.afterRepeatWindow();
        staff().scanOk(s.guard(), staff().qrToken(s.admin(), maid));
        JsonNode log = api().read(s.guard(), "/staff/domestic/attendance");
        assertThat(log.get("attendance")).hasSize(2);
        assertThat(api().read(s.admin(), "/staff/domestic/attendance?flatId={f}", s.flatA()).get("attendance")).hasSize(1);
        assertThat(api().read(s.admin(), "/staff/domestic/attendance?staffId={id}&from={d}&to={d}", cook,
                LocalDate.now(INDIA), LocalDate.now(INDIA)).get("attendance")).hasSize(1);
        api().get(s.residentA1(), "/staff/domestic/attendance").exchange().expectStatus().isForbidden();

        JsonNode month = api().read(s.residentA1(), "/staff/domestic/attendance/my-flat");
        assertThat(month.get("month").asText()).isEqualTo(YearMonth.now(INDIA).toString());
        assertThat(month.get("staff")).singleElement().satisfies(row -> {
            assertThat(row.get("staffName").asText()).isEqualTo("Kamala");
            assertThat(row.get("visits").asInt()).isEqualTo(1);
        });
        api().get(s.residentA1(), "/staff/domestic/attendance/my-flat?month=2026-13").exchange().expectStatus().isBadRequest();
        assertThat(api().read(api().newSociety().guard(), "/staff/domestic/attendance").get("attendance")).isEmpty();
    }
}
