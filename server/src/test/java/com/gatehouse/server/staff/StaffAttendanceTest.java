package com.gatehouse.server.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.Disposable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gate's side of domestic staff: scanning cards in and out, live, and what the flats see. */
class StaffAttendanceTest extends IntegrationTest {

    /** Shared by the tests that look only at their own staff member (making a society takes seconds). */

    private StaffApi staff() {
        return new StaffApi(api());
    }

    /** A live attendance stream of one user, collecting what arrives. */
    private record Watch(List<JsonNode> received, Disposable subscription, RSocketRequester requester) {
        void close() {
            subscription.dispose();
            requester.dispose();
        }

        List<String> events() {
            return received.stream().map(v -> v.get("staffName").asText() + (v.get("checkOutTime").isNull() ? " in" : " out"))
                    .toList();
        }
    }

    private Watch watch(Live.Transport transport, Api.User user) {
        var requester = live().connect(transport, user);
        var received = new CopyOnWriteArrayList<JsonNode>();
        var subscription = requester.route("staff.attendance.stream").retrieveFlux(JsonNode.class).subscribe(received::add);
        return new Watch(received, subscription, requester);
    }

    @Test
    void aGuardScansTheMaidInAndOutAndHerFlatsSeeItLive() {
        var society = api().newSociety();
        UUID flatC = UUID.fromString(api().create(society.admin(), "/admin/societies/{id}/flats",
                Map.of("block", "C", "number", "301"), society.id()).get("id").asText());
        Api.User residentC = api().newUser(society.admin(), society.id(), "RESIDENT", flatC);
        // a cook of every flat is inside already: each stream's first item shows its subscription is live
        UUID cook = staff().registerMaid(society.admin(), "Cook Kamala", society.flatA(), society.flatB(), flatC);
        staff().scanOk(society.guard(), staff().qrToken(society.admin(), cook));
        UUID maid = staff().registerMaid(society.admin(), "Lakshmi", society.flatA(), society.flatB());
        String card = staff().qrToken(society.residentA1(), maid);

        var guard = watch(Live.Transport.WEBSOCKET, society.guard());
        var flatA = watch(Live.Transport.TCP, society.residentA1());
        var flatB = watch(Live.Transport.WEBSOCKET, society.residentB());
        var otherFlat = watch(Live.Transport.TCP, residentC);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> List.of(guard, flatA, flatB, otherFlat).stream()
                    .allMatch(w -> w.events().equals(List.of("Cook Kamala in"))));

            JsonNode in = staff().scanOk(society.guard(), card);
            assertThat(in.get("action").asText()).isEqualTo("CHECK_IN");
            JsonNode visit = in.get("attendance");
            assertThat(visit.get("staffId").asText()).isEqualTo(maid.toString());
            assertThat(visit.get("verifiedByGuardId").asText()).isEqualTo(society.guard().id().toString());
            assertThat(visit.get("checkOutTime").isNull()).isTrue();
            assertThat(visit.get("duration").isNull()).isTrue();
            JsonNode working = staff().staff(society.residentB(), maid);
            assertThat(working.get("isCurrentlyWorking").asBoolean()).isTrue();
            assertThat(working.get("currentAttendanceId").asText()).isEqualTo(visit.get("id").asText());
            JsonNode inside = api().read(society.admin(), StaffApi.STAFF + "?inside=true");
            assertThat(inside.get("staff")).extracting(s -> s.get("name").asText()).containsExactly("Lakshmi", "Cook Kamala");

            StaffApi.afterRepeatWindow();
            JsonNode out = staff().scanOk(society.guard(), card);
            assertThat(out.get("action").asText()).isEqualTo("CHECK_OUT");
            assertThat(out.get("attendance").get("id").asText()).isEqualTo(visit.get("id").asText());
            assertThat(out.get("attendance").get("duration").asLong()).isZero();
            assertThat(Duration.between(Instant.parse(out.get("attendance").get("checkInTime").asText()),
                    Instant.parse(out.get("attendance").get("checkOutTime").asText()))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(out.get("attendance").get("autoClosed").asBoolean()).isFalse();
            assertThat(staff().staff(society.admin(), maid).get("isCurrentlyWorking").asBoolean()).isFalse();
            assertThat(staff().staff(society.admin(), maid).get("currentAttendanceId").isNull()).isTrue();

            var seen = List.of("Cook Kamala in", "Lakshmi in", "Lakshmi out");
            await().atMost(Duration.ofSeconds(10)).until(() -> guard.events().equals(seen)
                    && flatA.events().equals(seen) && flatB.events().equals(seen));
            assertThat(otherFlat.events()).as("a flat the maid does not work for").containsExactly("Cook Kamala in");
            assertThat(staff().attendance(society.residentA2(), maid, "")).hasSize(1);
        } finally {
            List.of(guard, flatA, flatB, otherFlat).forEach(Watch::close);
        }
    }

    @Test
    void twoGuardsScanningOneCardAtOnceCheckHerInOnce() throws Exception {
        var society = sharedSociety();
        Api.User secondGuard = api().newUser(society.admin(), society.id(), "GUARD", null);
        UUID maid = staff().registerMaid(society.admin(), "Lakshmi", society.flatA());
        String card = staff().qrToken(society.admin(), maid);

        int scans = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(scans);
        try {
            var statuses = new ArrayList<Future<HttpStatus>>();
            for (int i = 0; i < scans; i++) {
                Api.User guard = i % 2 == 0 ? society.guard() : secondGuard;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return HttpStatus.valueOf(staff().scan(guard, card).returnResult(Void.class).getStatus().value());
                }));
            }
            start.countDown();
            var answered = new ArrayList<HttpStatus>();
            for (var status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered).filteredOn(s -> s == HttpStatus.OK).hasSize(1);
            assertThat(answered).filteredOn(s -> s == HttpStatus.CONFLICT).hasSize(scans - 1);
        } finally {
            pool.shutdownNow();
        }
        var visits = staff().attendance(society.admin(), maid, "");
        assertThat(visits).hasSize(1);
        assertThat(visits.get(0).get("checkOutTime").isNull()).as("still inside: nobody checked her out").isTrue();
    }

    @Test
    void aVisitUnderAMinuteLastsZeroMinutesAndTheGuardRecordsTheWork() {
        var society = sharedSociety();
        UUID maid = staff().registerMaid(society.admin(), "Lakshmi", society.flatA());
        api().post(society.guard(), StaffApi.STAFF + "/{id}/check-out", Map.of(), maid).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                .jsonPath("$.detail").isEqualTo("Lakshmi is not checked in");

        JsonNode in = api().create(society.guard(), StaffApi.STAFF + "/{id}/check-in", Map.of(), maid);
        assertThat(in.get("checkOutTime").isNull()).isTrue();
        api().post(society.guard(), StaffApi.STAFF + "/{id}/check-in", Map.of(), maid).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);

        JsonNode out = api().post(society.guard(), StaffApi.STAFF + "/{id}/check-out", Map.of("workCompleted", true), maid)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(out.get("id").asText()).isEqualTo(in.get("id").asText());
        assertThat(out.get("duration").asLong()).isZero();
        assertThat(out.get("workCompleted").asBoolean()).isTrue();
        assertThat(out.get("checkedOutByGuardId").asText()).isEqualTo(society.guard().id().toString());
        assertThat(staff().attendance(society.residentA1(), maid, "").get(0).get("duration").asLong()).isZero();
    }

    @Test
    void aRetriedScanWithItsIdempotencyKeyAnswersTheFirstResult() {
        var society = sharedSociety();
        UUID maid = staff().registerMaid(society.admin(), "Lakshmi", society.flatA());
        String card = staff().qrToken(society.admin(), maid);
        JsonNode first = api().post(society.guard(), StaffApi.STAFF + "/scan", Map.of("qrToken", card))
                .header("Idempotency-Key", "scan-1").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode retry = api().post(society.guard(), StaffApi.STAFF + "/scan", Map.of("qrToken", card))
                .header("Idempotency-Key", "scan-1").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(retry).isEqualTo(first);
        assertThat(staff().attendance(society.admin(), maid, "")).hasSize(1);
    }

    @Test
    void aForgottenCheckOutIsClosedAutomatically() {
        var society = sharedSociety();
        UUID maid = staff().registerMaid(society.admin(), "Lakshmi", society.flatA());
        JsonNode in = staff().scanOk(society.guard(), staff().qrToken(society.admin(), maid)).get("attendance");

        // the integration tests close visits after PT10S (gatehouse.staff.auto-checkout-after)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> !staff().attendance(society.admin(), maid, "").get(0).get("checkOutTime").isNull());
        JsonNode closed = staff().attendance(society.residentA1(), maid, "").get(0);
        assertThat(closed.get("id").asText()).isEqualTo(in.get("id").asText());
        assertThat(closed.get("autoClosed").asBoolean()).isTrue();
        assertThat(closed.get("checkedOutByGuardId").isNull()).isTrue();
        assertThat(Duration.between(Instant.parse(closed.get("checkInTime").asText()),
                Instant.parse(closed.get("checkOutTime").asText()))).isEqualTo(Duration.ofSeconds(10));
        assertThat(staff().staff(society.admin(), maid).get("isCurrentlyWorking").asBoolean()).isFalse();
    }
}
