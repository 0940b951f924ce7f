package com.gatehouse.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestExpired;
import com.gatehouse.api.staff.StaffCards;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.projection.admin.ShadowRebuilds;
import com.gatehouse.server.embedded.EmbeddedDatabase;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.Live;
import com.gatehouse.server.support.StandaloneServer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances, one system: the second joins the first (embedded default) with the settings of its
 * {@code join.env}; they share the database, the object store and the signing keys; deadlines fire once
 * whichever instance's scheduler picks them; a replay started on one completes with the other running; when one
 * instance stops, the other takes over its segments (and when it dies: {@link AbruptStopTest}).
 */
class TwoInstancesTest {

    static final String EXPIRY = "gatehouse.entry-request.expiry=PT2S";

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void aSecondInstanceJoinsWithJoinEnvAndTheTwoAreOneSystem() throws Exception {
        // one event per rebuild transaction: the replay below lasts long enough to be asked for twice
        try (var a = StandaloneServer.start(dirA, EXPIRY, "gatehouse.projections.rebuild-batch-size=1")) {
            Api apiA = a.api();
            var society = apiA.newSociety(); // made before B runs: A holds every segment (see the class comment)

            Path joinFile = dirA.resolve("join.env");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(joinFile))).isEqualTo("rw-------");
            Map<String, String> join = readEnv(joinFile);
            assertThat(join).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                            "SPRING_DATASOURCE_PASSWORD", "GATEHOUSE_S3_ENDPOINT", "GATEHOUSE_S3_ACCESS_KEY",
                            "GATEHOUSE_S3_SECRET_KEY", "GATEHOUSE_S3_BUCKET")
                    .containsEntry("GATEHOUSE_ENTRY_REQUEST_EXPIRY", "PT2S")
                    // B is on an external database to itself: it starts only with A's privacy master key
                    .containsEntry("GATEHOUSE_PRIVACY_MASTER_KEY",
                            Files.readString(dirA.resolve("keys").resolve("privacy-master.key")).strip())
                    .doesNotContainKeys("GATEHOUSE_DATA_DIR", "GATEHOUSE_ADMIN_PASSWORD");

            try (var b = StandaloneServer.join(dirB, join)) {
                Api apiB = b.api();
                assertThat(Files.exists(dirB.resolve("postgres"))).as("B runs no database of its own").isFalse();

                // one system live: A runs every projection (it holds every segment), B hears each of A's commits
                // (PostgreSQL NOTIFY). A resident connected to B sees what the guard raises on A, live, and an
                // approve sent to B answers 200 with the view that shows it (B waits for A's projection by version)
                var frames = new LinkedBlockingQueue<JsonNode>();
                var onB = b.live().connect(Live.Transport.WEBSOCKET, society.residentA1());
                var stream = onB.route("gate.requests.stream").retrieveFlux(JsonNode.class).subscribe(frames::add);
                try {
                    String primer = apiA.create(society.guard(), "/gate/requests", Map.of("type", "DELIVERY",
                            "flatId", society.flatA().toString(), "visitorName", "Primer")).get("id").asText();
                    awaitFrame(frames, primer, "PENDING"); // B's stream is open: what follows comes live
                    String raisedOnA = apiA.create(society.guard(), "/gate/requests", Map.of("type", "DELIVERY",
                            "flatId", society.flatA().toString(), "visitorName", "Across")).get("id").asText();
                    JsonNode approvedOnB = apiB.patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(),
                                    raisedOnA).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                            .returnResult().getResponseBody();
                    assertThat(approvedOnB.get("status").asText()).isEqualTo("APPROVED");
                    assertThat(approvedOnB.get("entryId").isNull()).isFalse();
                    awaitFrame(frames, raisedOnA, "PENDING");
                    awaitFrame(frames, raisedOnA, "APPROVED");

                    // what B stores reaches A's projections at once: B's commit wakes A's event store
                    // (StoredEventsWakeUp) where A used to find it at its next poll, up to a second later; a raise
                    // on B answers when A's projection shows it (read-your-writes), so its answer time shows the wait
                    List<Long> answerMillis = new ArrayList<>();
                    for (int i = 0; i < 7; i++) {
                        Thread.sleep(200);
                        long sent = System.nanoTime();
                        String raisedOnB = apiB.create(society.guard(), "/gate/requests", Map.of("type", "DELIVERY",
                                "flatId", society.flatA().toString(), "visitorName", "Quick " + i)).get("id").asText();
                        answerMillis.add((System.nanoTime() - sent) / 1_000_000);
                        awaitFrame(frames, raisedOnB, "PENDING");
                    }
                    assertThat(answerMillis.stream().sorted().toList().get(3))
                            .as("median answer of a raise on B, projected on A (ms, all: %s)", answerMillis)
                            .isLessThan(300);
                } finally {
                    stream.dispose();
                    onB.dispose();
                }

                // a token minted by A works on B, and one minted by B works on A
                assertThat(apiB.read(society.guard(), "/auth/me").get("id").asText())
                        .isEqualTo(society.guard().id().toString());
                Api.User residentOnB = apiB.login(society.residentA1().phone(), Api.PASSWORD);
                assertThat(apiA.read(residentOnB, "/auth/me").get("id").asText())
                        .isEqualTo(society.residentA1().id().toString());

                // a staff card printed by A is read on B
                var card = new StaffCards.StaffCard(new StaffId(UUID.randomUUID()), new SocietyId(society.id()), 1);
                assertThat(b.context().getBean(StaffCards.class).read(a.context().getBean(StaffCards.class).issue(card)))
                        .isEqualTo(card);

                // a refresh token issued by A is redeemed on B (refresh tokens live in PostgreSQL)
                apiB.client().post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("refreshToken", society.residentA2().refreshToken()))
                        .exchange().expectStatus().isOk();

                // a rotation on A: A's next token has the new key, and B verifies it at once
                String oldKid = kidOf(society.guard().token());
                JsonNode rotated = apiA.post(apiA.platformAdmin(), "/admin/signing-keys/rotate", Map.of()).exchange()
                        .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
                String newKid = rotated.get("keys").get(0).get("kid").asText();
                assertThat(rotated.get("keys").get(0).get("signing").asBoolean()).isTrue();
                apiB.delete(apiB.platformAdmin(), "/admin/signing-keys/{kid}", newKid).exchange()
                        .expectStatus().isEqualTo(409); // B knows at once which key signs now
                Api.User guardAfterRotation = apiA.login(society.guard().phone(), Api.PASSWORD);
                assertThat(kidOf(guardAfterRotation.token())).isEqualTo(newKid).isNotEqualTo(oldKid);
                apiB.read(guardAfterRotation, "/auth/me");
                apiB.read(society.guard(), "/auth/me"); // the older key still verifies
                JsonNode jwks = apiB.client().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                        .expectBody(JsonNode.class).returnResult().getResponseBody();
                assertThat(jwks.get("keys").findValuesAsText("kid")).contains(oldKid, newKid);

                // deadlines: both instances' schedulers poll the same table; each request expires exactly once
                List<UUID> raised = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    raised.add(UUID.fromString(apiA.create(society.guard(), "/gate/requests",
                            Map.of("type", "DELIVERY", "flatId", society.flatA().toString(),
                                    "visitorName", "Rider " + i)).get("id").asText()));
                }
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    for (UUID id : raised) {
                        assertThat(apiB.read(society.residentA1(), "/gate/requests/{id}", id).get("status").asText())
                                .isEqualTo("EXPIRED");
                    }
                });
                Thread.sleep(2_500); // a second firing, if there were one, would have happened by now
                EventStore events = b.context().getBean(EventStore.class);
                for (UUID id : raised) {
                    assertThat(events.readEvents(id.toString()).asStream()
                            .filter(e -> e.getPayload() instanceof EntryRequestExpired).count())
                            .as("expiries of %s", id).isEqualTo(1);
                }

                // the audit trail, read on B, shows what A stored (through the event stream, not the event tables)
                var json = new ObjectMapper();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    String trail = apiB.get(society.auditor(), "/admin/audit/events?aggregateType=EntryRequest")
                            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
                    List<JsonNode> lines = trail.lines().map(line -> read(json, line)).toList();
                    for (UUID id : raised) {
                        assertThat(lines).filteredOn(e -> e.get("aggregateId").asText().equals(id.toString()))
                                .extracting(e -> e.get("eventType").asText())
                                .containsExactly("EntryRequestRaised", "EntryRequestExpired");
                    }
                });

                // a replay started on B completes with A running: A (which runs every segment of the group) releases
                // the group for the switch, the rebuild runs once (on B), both resume, and both show its progress
                String group = "entry-requests";
                var rebuildsA = a.context().getBean(ShadowRebuilds.class);
                Api.User operator = apiB.platformAdmin();
                JsonNode started = apiB.post(operator, "/admin/projections/{name}/replay", Map.of(), group)
                        .exchange().expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
                assertThat(started.get("rebuild").get("state").asText()).isEqualTo("BUILDING");
                apiA.post(operator, "/admin/projections/{name}/replay", Map.of(), group).exchange()
                        .expectStatus().isEqualTo(409); // A knows B runs it
                List<String> seenOnA = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    assertThat(rebuildsA.inProgress(group)).as("the rebuild never runs on A").isFalse();
                    JsonNode onA = apiA.read(operator, "/admin/projections/{name}", group);
                    seenOnA.add(onA.get("rebuild").get("state").asText() + "@" + onA.get("rebuild").get("position").asLong());
                    assertThat(onA.get("rebuild").get("state").asText()).isEqualTo("SWITCHED");
                    assertThat(onA.get("rebuild").get("startedAt").asText())
                            .isEqualTo(started.get("rebuild").get("startedAt").asText());
                });
                assertThat(seenOnA).as("A showed the rebuild's progress as it went").anyMatch(s -> s.startsWith("BUILDING@")
                        && !s.endsWith("@0"));
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    for (Api api : List.of(apiA, apiB)) {
                        JsonNode status = api.read(operator, "/admin/projections/{name}", group);
                        assertThat(status.get("running").asBoolean()).as("resumed on %s", api).isTrue();
                        assertThat(status.get("replaying").asBoolean()).isFalse();
                    }
                });
                // the rebuilt tables serve what was there before, and A's projection follows new events on them again
                for (UUID id : raised) {
                    assertThat(apiB.read(society.residentA1(), "/gate/requests/{id}", id).get("status").asText())
                            .isEqualTo("EXPIRED");
                }
                apiA.post(society.guard(), "/gate/requests", Map.of("type", "DELIVERY", "flatId", society.flatA().toString(),
                        "visitorName", "After the replay")).exchange().expectStatus().isCreated(); // A waits for B's projection
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(apiB.read(society.guard(), "/gate/requests?limit=100").get("entryRequests")
                                .findValuesAsText("visitorName")).contains("After the replay"));
            }
        }
    }

    @Test
    void whenOneInstanceStopsTheOtherTakesOverItsSegmentsAndItsDeadlines(@TempDir Path postgresDir) throws Exception {
        try (var database = EmbeddedDatabase.start(postgresDir, 0)) {
            // instances sharing a database share the privacy master key (each would make its own in its data dir)
            String[] shared = {EXPIRY.replace("PT2S", "PT4S"), "spring.datasource.url=" + database.jdbcUrl(),
                    "spring.datasource.username=" + database.username(),
                    "spring.datasource.password=" + database.password(),
                    "gatehouse.privacy.master-key=" + com.gatehouse.server.support.StandaloneServer.SHARED_MASTER_KEY};
            var a = StandaloneServer.start(dirA, shared);
            List<UUID> pending = new ArrayList<>();
            Api.Society society;
            try (var b = StandaloneServer.start(dirB, shared)) {
                try {
                    society = a.api().newSociety();
                    for (int i = 0; i < 3; i++) {
                        pending.add(UUID.fromString(a.api().create(society.guard(), "/gate/requests",
                                Map.of("type", "DELIVERY", "flatId", society.flatA().toString())).get("id").asText()));
                    }
                } finally {
                    a.close(); // A goes away while its requests are pending and its segments are claimed
                }
                var jdbc = b.context().getBean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                        assertThat(jdbc.queryForList("select distinct owner from token_entry", String.class))
                                .as("B claims every segment").hasSize(1).doesNotContainNull());
                assertThat(jdbc.queryForObject("select count(distinct segment) from token_entry where processor_name = 'entry-requests'",
                        Integer.class)).as("segments of a group").isEqualTo(2);

                Api apiB = b.api();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    for (UUID id : pending) {
                        assertThat(apiB.read(society.guard(), "/gate/requests/{id}", id).get("status").asText())
                                .isEqualTo("EXPIRED");
                    }
                });
                // B now runs every projection: its own writes answer with their view
                JsonNode raisedOnB = apiB.create(society.guard(), "/gate/requests",
                        Map.of("type", "DELIVERY", "flatId", society.flatA().toString()));
                assertThat(raisedOnB.get("status").asText()).isEqualTo("PENDING");
                Thread.sleep(1_000);
                EventStore events = b.context().getBean(EventStore.class);
                for (UUID id : pending) {
                    assertThat(events.readEvents(id.toString()).asStream()
                            .filter(e -> e.getPayload() instanceof EntryRequestExpired).count()).isEqualTo(1);
                }
            }
        }
    }

    /** Waits (skipping other frames) for a frame of request {@code id} with {@code status}. */
    private static void awaitFrame(LinkedBlockingQueue<JsonNode> frames, String id, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && frame.path("id").asText().equals(id) && frame.path("status").asText().equals(status)) {
                return;
            }
        }
        throw new AssertionError("no frame of " + id + " " + status + " on B within 10 s");
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }

    private static String kidOf(String token) throws Exception {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(header).get("kid").asText();
    }

    static Map<String, String> readEnv(Path file) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }
}
