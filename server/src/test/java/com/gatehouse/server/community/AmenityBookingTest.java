package com.gatehouse.server.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Booking amenities on the real stack: races for one slot, the rules, approval, other societies. */
class AmenityBookingTest extends IntegrationTest {

    /** Tomorrow in the society's time zone: every slot of it is in the future and inside the advance window. */
    private static String tomorrow() {
        return LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(1).toString();
    }

    private String amenity(Api.User admin, Map<String, Object> rules) {
        var body = new HashMap<String, Object>(Map.of("name", "Clubhouse", "type", "CLUBHOUSE", "openTime", "06:00",
                "closeTime", "22:00", "bookingDuration", 60, "pricePerHour", 500));
        body.putAll(rules);
        return api().create(admin, "/community/amenities", body).get("id").asText();
    }

    private static Map<String, Object> slot(String date, String from, String to) {
        return Map.of("date", date, "startTime", from, "endTime", to, "guestCount", 4);
    }

    /** Fires every request at the same instant; answers each one's status. */
    private List<Integer> atOnce(List<Api.User> who, List<Map<String, Object>> bodies, String amenity) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(who.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < who.size(); i++) {
                Api.User user = who.get(i);
                Map<String, Object> body = bodies.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return api().post(user, "/community/amenities/{id}/bookings", body, amenity).exchange()
                            .expectBody(JsonNode.class).returnResult().getStatus().value();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenResidentsBookingTheSameSlotAtOnceLeaveExactlyOneBooking() throws Exception {
        var society = api().newSociety();
        String clubhouse = amenity(society.admin(), Map.of());
        List<Api.User> residents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            residents.add(api().newUser(society.admin(), society.id(), "RESIDENT", i % 2 == 0 ? society.flatA() : society.flatB()));
        }
        String date = tomorrow();
        var statuses = atOnce(residents, java.util.Collections.nCopies(10, slot(date, "18:00", "20:00")), clubhouse);

        assertThat(statuses).as("statuses %s", statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).as("statuses %s", statuses).isEqualTo(1);
        JsonNode bookings = api().read(society.admin(), "/community/amenities/bookings?amenityId=" + clubhouse);
        assertThat(bookings.get("bookings")).hasSize(1);
        JsonNode day = api().read(society.residentA1(), "/community/amenities/{id}/availability?date=" + date, clubhouse);
        assertThat(day.get("slots")).hasSize(16);
        day.get("slots").forEach(s -> assertThat(s.get("available").asBoolean())
                .isEqualTo(!s.get("startTime").asText().equals("18:00") && !s.get("startTime").asText().equals("19:00")));
    }

    @Test
    void overlappingSlotsWithDifferentStartsBookedAtOnceLeaveOneBooking() throws Exception {
        var society = sharedSociety();
        String court = amenity(society.admin(), Map.of("name", "Court", "type", "SPORTS_COURT", "maxBookingsPerUser", 10));
        String date = tomorrow();
        // five pairs: 06-08 against 07-08, 08-10 against 09-10, ...
        for (int hour = 6; hour < 16; hour += 2) {
            var statuses = atOnce(List.of(society.residentA1(), society.residentB()),
                    List.of(slot(date, String.format("%02d:00", hour), String.format("%02d:00", hour + 2)),
                            slot(date, String.format("%02d:00", hour + 1), String.format("%02d:00", hour + 2))), court);
            assertThat(statuses).as("%s:00 statuses %s", hour, statuses).containsExactlyInAnyOrder(201, 409);
        }
        assertThat(api().read(society.admin(), "/community/amenities/bookings?amenityId=" + court + "&limit=100")
                .get("bookings")).hasSize(5);
    }

    @Test
    void theRulesHoldAndAnApprovedOrCancelledBookingIsToldToTheBooker() {
        var society = sharedSociety();
        var priya = api().newUser(society.admin(), society.id(), "RESIDENT", society.flatA());
        String hall = amenity(society.admin(), Map.of("name", "Party hall", "type", "PARTY_HALL",
                "requiresApproval", true, "maxBookingsPerUser", 2, "advanceBookingDays", 3, "capacity", 10));
        String date = tomorrow();
        String far = LocalDate.parse(date).plusDays(3).toString();
        String bookings = "/community/amenities/{id}/bookings";
        api().post(priya, bookings, slot(date, "05:00", "07:00"), hall).exchange().expectStatus().isBadRequest();
        api().post(priya, bookings, slot(date, "10:30", "11:30"), hall).exchange().expectStatus().isBadRequest();
        api().post(priya, bookings, slot(far, "10:00", "11:00"), hall).exchange().expectStatus().isBadRequest();
        api().post(priya, bookings, Map.of("date", date, "startTime", "10:00", "endTime", "11:00", "guestCount", 11),
                hall).exchange().expectStatus().isBadRequest();

        JsonNode first = api().create(priya, bookings, slot(date, "10:00", "12:00"), hall);
        assertThat(first.get("status").asText()).isEqualTo("PENDING");
        assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("1000");
        api().create(priya, bookings, slot(date, "12:00", "13:00"), hall);
        api().post(priya, bookings, slot(date, "14:00", "15:00"), hall).exchange().expectStatus().isEqualTo(409);

        // the admins are asked; one approves; priya hears of it
        await().atMost(Duration.ofSeconds(10)).until(() -> api().notifications(society.admin(), "SYSTEM").stream()
                .anyMatch(n -> n.get("referenceId").asText().equals(first.get("id").asText())));
        JsonNode approved = api().patch(society.admin(), "/community/amenities/bookings/{id}/approve", Map.of(),
                first.get("id").asText()).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(approved.get("status").asText()).isEqualTo("CONFIRMED");

        // someone else cannot cancel it; an admin can, and priya is told; the slot is free again
        api().patch(society.residentB(), "/community/amenities/bookings/{id}/cancel", Map.of(), first.get("id").asText())
                .exchange().expectStatus().isNotFound();
        api().patch(society.admin(), "/community/amenities/bookings/{id}/cancel", Map.of("reason", "Maintenance"),
                first.get("id").asText()).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> api().notifications(priya, "SYSTEM").size() == 2);
        assertThat(api().notifications(priya, "SYSTEM").get(0).get("message").asText()).contains("Maintenance");
        api().create(society.residentB(), bookings, slot(date, "10:00", "11:00"), hall);

        // priya sees only her own bookings
        assertThat(api().read(priya, "/community/amenities/bookings").get("bookings").findValuesAsText("userId"))
                .containsOnly(priya.id().toString()).hasSize(2);
    }

    @Test
    void anotherSocietysAmenitiesAndBookingsAreNotFound() {
        var a = api().newSociety();
        var b = sharedSociety();
        String gym = amenity(a.admin(), Map.of("name", "Gym", "type", "GYM"));
        String booking = api().create(a.residentA1(), "/community/amenities/{id}/bookings",
                slot(tomorrow(), "07:00", "08:00"), gym).get("id").asText();

        assertThat(api().read(b.admin(), "/community/amenities").get("amenities").findValuesAsText("id")).doesNotContain(gym);
        assertThat(api().read(b.admin(), "/community/amenities/bookings").get("bookings").findValuesAsText("id"))
                .doesNotContain(booking);
        api().get(b.residentA1(), "/community/amenities/{id}", gym).exchange().expectStatus().isNotFound();
        api().get(b.residentA1(), "/community/amenities/{id}/availability?date=" + tomorrow(), gym).exchange()
                .expectStatus().isNotFound();
        api().post(b.residentA1(), "/community/amenities/{id}/bookings", slot(tomorrow(), "09:00", "10:00"), gym)
                .exchange().expectStatus().isNotFound();
        api().get(b.admin(), "/community/amenities/bookings/{id}", booking).exchange().expectStatus().isNotFound();
        api().patch(b.admin(), "/community/amenities/bookings/{id}/cancel", Map.of(), booking).exchange()
                .expectStatus().isNotFound();
        api().patch(b.admin(), "/community/amenities/{id}", Map.of("name", "Mine now"), gym).exchange()
                .expectStatus().isNotFound();
        api().delete(b.admin(), "/community/amenities/{id}", gym).exchange().expectStatus().isNotFound();
        // a neighbour of the same society cannot read priya's booking either
        api().get(a.residentA2(), "/community/amenities/bookings/{id}", booking).exchange().expectStatus().isNotFound();
    }
}
