package com.gatehouse.server.entry;

import com.gatehouse.api.directory.SocietyTimeZones;
import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.gatehouse.server.entry.EntryRequestFlowTest.delivery;
import static com.gatehouse.server.entry.EntryRequestFlowTest.id;
import static com.gatehouse.server.entry.EntryRequestFlowTest.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gate log: who is inside, filters, checkout, overstay alerts (PT3S in tests), and its live feed. */
class GateLogTest extends IntegrationTest {

    @Test
    void guardFiltersTheLogAndWatchesItLive() throws Exception {
        var society = api().newSociety();
        UUID first = admit(society, visitor(society.flatA(), "Aunt"), society.residentA1());
        Instant between = Instant.now();
        Thread.sleep(20);
        UUID second = admit(society, visitor(society.flatB(), "Plumber friend"), society.residentB());

        try (Feed log = new Feed(live().connect(Live.Transport.WEBSOCKET, society.guard()), "gate.entries.stream")) {
            // state first: who is inside, newest first
            assertThat(log.next(frame -> true, Duration.ofSeconds(5)).get("id").asText()).isEqualTo(second.toString());
            assertThat(log.next(frame -> true, Duration.ofSeconds(5)).get("id").asText()).isEqualTo(first.toString());
            api().patch(society.guard(), "/gate/entries/{id}/checkout", Map.of(), first).exchange().expectStatus().isOk();
            JsonNode left = log.next(frame -> frame.get("id").asText().equals(first.toString()), Duration.ofSeconds(5));
            assertThat(left.get("exitedAt").isNull()).isFalse();
        }

        assertThat(ids(api().read(society.guard(), "/gate/entries"))).containsExactly(second.toString(), first.toString());
        assertThat(ids(api().read(society.guard(), "/gate/entries?open=true"))).containsExactly(second.toString());
        assertThat(ids(api().read(society.guard(), "/gate/entries?open=false"))).containsExactly(first.toString());
        assertThat(ids(api().read(society.guard(), "/gate/entries?flatId={flat}", society.flatA()))).containsExactly(first.toString());
        assertThat(ids(api().read(society.admin(), "/gate/entries?from={from}", between.toString()))).containsExactly(second.toString());
        assertThat(ids(api().read(society.admin(), "/gate/entries?to={to}", between.toString()))).containsExactly(first.toString());
        assertThat(ids(api().read(society.admin(), "/gate/entries?from={from}&to={to}", between.toString(),
                Instant.now().plusSeconds(60).toString()))).containsExactly(second.toString());
        JsonNode paged = api().read(society.guard(), "/gate/entries?limit=1&page=2");
        assertThat(ids(paged)).containsExactly(first.toString());
        assertThat(paged.get("pagination").get("total").asInt()).isEqualTo(2);
        assertThat(paged.get("pagination").get("totalPages").asInt()).isEqualTo(2);
        api().get(society.guard(), "/gate/entries?from=yesterday").exchange().expectStatus().isBadRequest();
        api().get(society.guard(), "/gate/entries?from={from}&to={to}", between.toString(), between.minusSeconds(1).toString())
                .exchange().expectStatus().isBadRequest();
        // a date covers the whole day in the society's zone (the days of the two entries, in case they straddle midnight)
        String firstDay = societyDay(api().read(society.guard(), "/gate/entries/{id}", first).get("enteredAt").asText());
        String secondDay = societyDay(api().read(society.guard(), "/gate/entries/{id}", second).get("enteredAt").asText());
        assertThat(ids(api().read(society.guard(), "/gate/entries?from={from}&to={to}", firstDay, secondDay))).hasSize(2);
    }

    @Test
    void aDeliveryThatStaysTooLongIsFlaggedOnceAndCanStillLeave() throws Exception {
        var society = api().newSociety();
        UUID guest = admit(society, visitor(society.flatA(), "Guest"), society.residentA1());
        UUID rider = admit(society, delivery(society.flatA()), society.residentA2());
        try (Feed log = new Feed(live().connect(Live.Transport.TCP, society.guard()), "gate.entries.stream");
             Feed flat = new Feed(live().connect(Live.Transport.WEBSOCKET, society.residentA1()), "gate.entries.stream")) {
            JsonNode flagged = log.next(frame -> frame.get("id").asText().equals(rider.toString())
                    && !frame.get("overstayAlertedAt").isNull(), Duration.ofSeconds(15));
            flat.next(frame -> frame.get("id").asText().equals(rider.toString())
                    && !frame.get("overstayAlertedAt").isNull(), Duration.ofSeconds(5));
            assertThat(Duration.between(Instant.parse(flagged.get("enteredAt").asText()),
                    Instant.parse(flagged.get("overstayAlertedAt").asText()))).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            api().patch(society.guard(), "/gate/entries/{id}/checkout", Map.of(), rider).exchange().expectStatus().isOk();
            log.next(frame -> frame.get("id").asText().equals(rider.toString()) && !frame.get("exitedAt").isNull(),
                    Duration.ofSeconds(5));
        }
        // a guest is never flagged, however long they stay
        assertThat(api().read(society.guard(), "/gate/entries/{id}", guest).get("overstayAlertedAt").isNull()).isTrue();
        // the society's guards and admins and the flat's residents were alerted, once each; the other flat was not
        for (Api.User alerted : List.of(society.guard(), society.admin(), society.residentA1(), society.residentA2())) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(alertsAbout(alerted, rider)).singleElement().satisfies(n -> {
                        assertThat(n.get("type").asText()).isEqualTo("SYSTEM");
                        assertThat(n.get("title").asText()).isEqualTo("Overstay alert");
                        assertThat(n.get("referenceType").asText()).isEqualTo("Entry");
                    }));
        }
        assertThat(alertsAbout(society.residentB(), rider)).isEmpty();
        assertThat(alertsAbout(society.guard(), guest)).isEmpty();
    }

    @Test
    void aCheckedOutDeliveryIsNeverFlagged() throws Exception {
        var society = api().newSociety();
        UUID rider = admit(society, delivery(society.flatA()), society.residentA1());
        api().patch(society.guard(), "/gate/entries/{id}/checkout", Map.of(), rider).exchange().expectStatus().isOk();
        Thread.sleep(5_000);
        assertThat(api().read(society.guard(), "/gate/entries/{id}", rider).get("overstayAlertedAt").isNull()).isTrue();
    }

    private java.util.List<JsonNode> alertsAbout(Api.User user, UUID entry) {
        var found = new java.util.ArrayList<JsonNode>();
        api().read(user, "/resident/notifications?limit=100").get("notifications").forEach(n -> {
            if (n.path("referenceId").asText().equals(entry.toString())) {
                found.add(n);
            }
        });
        return found;
    }

    static java.util.List<String> ids(JsonNode page) {
        var ids = new java.util.ArrayList<String>();
        page.get("entries").forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }

    private UUID admit(Api.Society society, Map<String, Object> body, Api.User resident) {
        UUID requestId = id(api().create(society.guard(), "/gate/requests", body));
        JsonNode approved = api().patch(resident, "/gate/requests/{id}/approve", Map.of(), requestId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return UUID.fromString(approved.get("entryId").asText());
    }

    /** The society's date (its default zone) of an instant. */
    private static String societyDay(String instant) {
        return java.time.Instant.parse(instant).atZone(SocietyTimeZones.DEFAULT).toLocalDate().toString();
    }
}
