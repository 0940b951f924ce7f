package com.gatehouse.server.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.Disposable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every resident of every flat a staff member works for hears of her check-in and check-out, live; nobody else. */
class StaffNotificationTest extends IntegrationTest {

    /** One user's {@code notifications.stream}, collecting what arrives. */
    private record Inbox(List<JsonNode> received, Disposable subscription, RSocketRequester requester) {
        void close() {
            subscription.dispose();
            requester.dispose();
        }

        List<String> messages() {
            return received.stream().map(n -> n.get("message").asText()).toList();
        }
    }

    private Inbox inbox(Live.Transport transport, Api.User user) {
        var requester = live().connect(transport, user);
        var received = new CopyOnWriteArrayList<JsonNode>();
        var subscription = requester.route("notifications.stream").retrieveFlux(JsonNode.class).subscribe(received::add);
        return new Inbox(received, subscription, requester);
    }

    @Test
    void everyResidentOfTheMaidsFlatsHearsOfHerCheckInAndCheckOutAndNobodyElse() {
        var staff = new StaffApi(api());
        var society = api().newSociety();
        UUID flatC = UUID.fromString(api().create(society.admin(), "/admin/societies/{id}/flats",
                Map.of("block", "C", "number", "301"), society.id()).get("id").asText());
        Api.User residentC = api().newUser(society.admin(), society.id(), "RESIDENT", flatC);
        // a cook of all three flats checked in earlier: every inbox starts with her (unread) notification
        UUID cook = staff.registerMaid(society.admin(), "Kamala", society.flatA(), society.flatB(), flatC);
        staff.scanOk(society.guard(), staff.qrToken(society.admin(), cook));
        UUID maid = staff.registerMaid(society.admin(), "Lakshmi", society.flatA(), society.flatB());
        String card = staff.qrToken(society.admin(), maid);

        var a1 = inbox(Live.Transport.WEBSOCKET, society.residentA1());
        var a2 = inbox(Live.Transport.TCP, society.residentA2());
        var b = inbox(Live.Transport.WEBSOCKET, society.residentB());
        var c = inbox(Live.Transport.TCP, residentC);
        var employing = List.of(a1, a2, b);
        try {
            String cookIn = "Kamala (MAID) has checked in";
            await().atMost(Duration.ofSeconds(10)).until(() -> List.of(a1, a2, b, c).stream()
                    .allMatch(inbox -> inbox.messages().equals(List.of(cookIn))));

            JsonNode in = staff.scanOk(society.guard(), card).get("attendance");
            await().atMost(Duration.ofSeconds(10)).until(() -> employing.stream().allMatch(i -> i.received().size() == 2));
            for (Inbox inbox : employing) {
                JsonNode checkIn = inbox.received().get(1);
                assertThat(checkIn.get("type").asText()).isEqualTo("STAFF_CHECKIN");
                assertThat(checkIn.get("title").asText()).isEqualTo("Staff Check-In");
                assertThat(checkIn.get("message").asText()).isEqualTo("Lakshmi (MAID) has checked in");
                assertThat(checkIn.get("referenceType").asText()).isEqualTo("StaffAttendance");
                assertThat(checkIn.get("referenceId").asText()).isEqualTo(in.get("id").asText());
                JsonNode data = checkIn.get("data");
                assertThat(fieldNames(data)).containsExactlyInAnyOrder("staffId", "staffName", "staffType", "checkInTime");
                assertThat(data.get("staffId").asText()).isEqualTo(maid.toString());
                assertThat(data.get("staffName").asText()).isEqualTo("Lakshmi");
                assertThat(data.get("staffType").asText()).isEqualTo("MAID");
                assertThat(Instant.parse(data.get("checkInTime").asText()))
                        .isEqualTo(Instant.parse(in.get("checkInTime").asText()));
            }

            StaffApi.afterRepeatWindow();
            JsonNode out = staff.scanOk(society.guard(), card).get("attendance");
            await().atMost(Duration.ofSeconds(10)).until(() -> employing.stream().allMatch(i -> i.received().size() == 3));
            for (Inbox inbox : employing) {
                JsonNode checkOut = inbox.received().get(2);
                assertThat(checkOut.get("type").asText()).isEqualTo("STAFF_CHECKOUT");
                assertThat(checkOut.get("title").asText()).isEqualTo("Staff Check-Out");
                assertThat(checkOut.get("message").asText()).isEqualTo("Lakshmi (MAID) checked out. Duration: 0 minutes");
                assertThat(checkOut.get("referenceId").asText()).isEqualTo(in.get("id").asText());
                JsonNode data = checkOut.get("data");
                assertThat(fieldNames(data)).containsExactlyInAnyOrder("staffId", "staffName", "staffType",
                        "checkInTime", "checkOutTime", "duration");
                assertThat(data.get("duration").asLong()).isZero();
                assertThat(Instant.parse(data.get("checkOutTime").asText()))
                        .isEqualTo(Instant.parse(out.get("checkOutTime").asText()));
            }
            assertThat(c.messages()).as("a flat the maid does not work for").containsExactly(cookIn);
            assertThat(api().notifications(society.guard()).get("notifications"))
                    .as("guards are not told").isEmpty();
            assertThat(api().notifications(society.residentB()).get("notifications"))
                    .extracting(n -> n.get("type").asText()).contains("STAFF_CHECKIN", "STAFF_CHECKOUT");
        } finally {
            List.of(a1, a2, b, c).forEach(Inbox::close);
        }
    }

    @Test
    void aVisitClosedAutomaticallySaysSo() {
        var staff = new StaffApi(api());
        var society = api().newSociety();
        UUID maid = staff.registerMaid(society.admin(), "Lakshmi", society.flatB());
        var b = inbox(Live.Transport.WEBSOCKET, society.residentB());
        try {
            staff.scanOk(society.guard(), staff.qrToken(society.admin(), maid));
            // the integration tests close visits after PT10S (gatehouse.staff.auto-checkout-after)
            await().atMost(Duration.ofSeconds(30)).until(() -> b.received().size() == 2);
            JsonNode closed = b.received().get(1);
            assertThat(closed.get("type").asText()).isEqualTo("STAFF_CHECKOUT");
            assertThat(closed.get("message").asText()).isEqualTo(
                    "Lakshmi (MAID) was checked out automatically: no check-out was recorded. Duration: 0 minutes");
            assertThat(closed.get("data").get("autoClosed").asBoolean()).isTrue();
        } finally {
            b.close();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
