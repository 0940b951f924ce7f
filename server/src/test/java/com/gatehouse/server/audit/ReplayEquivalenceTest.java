package com.gatehouse.server.audit;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyCommand.EraseSubject;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.SocietyCommand.AddFlat;
import com.gatehouse.api.directory.SocietyCommand.CreateSociety;
import com.gatehouse.api.directory.UserCommand.ChangeUserRole;
import com.gatehouse.api.directory.UserCommand.DeactivateUser;
import com.gatehouse.api.directory.UserCommand.MoveUserToFlat;
import com.gatehouse.api.directory.UserCommand.RegisterUser;
import com.gatehouse.api.entry.EntryRequestCommand.ApproveEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RaiseEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RejectEntryRequest;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.api.emergency.EmergencyCommand.RaiseEmergency;
import com.gatehouse.api.emergency.EmergencyCommand.ResolveEmergency;
import com.gatehouse.api.emergency.EmergencyCommand.RespondToEmergency;
import com.gatehouse.api.emergency.EmergencyId;
import com.gatehouse.api.emergency.EmergencyType;
import com.gatehouse.api.notice.NoticeCommand.Content;
import com.gatehouse.api.notice.NoticeCommand.PinNotice;
import com.gatehouse.api.notice.NoticeCommand.PostNotice;
import com.gatehouse.api.notice.NoticeCommand.RecordNoticeView;
import com.gatehouse.api.notice.NoticeId;
import com.gatehouse.api.notice.NoticePriority;
import com.gatehouse.api.notice.NoticeType;
import com.gatehouse.api.complaint.ComplaintCategory;
import com.gatehouse.api.complaint.ComplaintCommand.FileComplaint;
import com.gatehouse.api.complaint.ComplaintId;
import com.gatehouse.api.complaint.ComplaintPriority;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.preapproval.PreApprovalCommand.CreatePreApproval;
import com.gatehouse.api.preapproval.PreApprovalCommand.ScanPreApproval;
import com.gatehouse.api.preapproval.PreApprovalId;
import com.gatehouse.api.preapproval.VisitorType;
import com.gatehouse.api.staff.StaffCommand.UpdateStaffProfile;
import com.gatehouse.api.staff.StaffProfile;
import com.gatehouse.api.staff.StaffCommand.CheckInStaff;
import com.gatehouse.api.staff.StaffCommand.CheckOutStaff;
import com.gatehouse.api.staff.StaffCommand.RegisterStaff;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.api.staff.StaffType;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.projection.admin.DeadLetters;
import com.gatehouse.projection.admin.ProjectionAdmin;
import com.gatehouse.server.support.StandaloneServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.projection.admin.ShadowRebuilds;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.Live;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import reactor.core.Disposable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every read model built live from a generated history equals the same read model rebuilt from the
 * first event. Catches projections that depend on wall-clock time, on processing order across
 * aggregates, or on state that a reset does not clear.
 * <p>
 * And a rebuild is invisible to the people using the system: with apps connected to every live route and
 * REST reads running in a loop while every replayable group is rebuilt, and people acting meanwhile, the
 * apps get exactly the frames the live flow sends, no read returns fewer rows than before, what happened
 * during the rebuild is in the served tables and in the switched-in ones, and the result equals a fresh build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayEquivalenceTest {

    /** Tables that are not read models: the event store, Axon's and the scheduler's, command-side lookups. */
    static final Set<String> NOT_READ_MODELS = Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "saga_entry", "association_value_entry", "scheduled_tasks", "flyway_schema_history",
            "auth_refresh_token", "auth_login_failure", "idempotency_key", "projection_rebuild", "dead_letter_entry");

    private static final Duration LIVE = Duration.ofSeconds(10);

    /** Static: injected before {@code @BeforeAll} (an instance field would still be null there). */
    @TempDir
    static Path dataDir;

    private StandaloneServer server;
    private ProjectionAdmin admin;
    private JdbcTemplate jdbc;
    private long events;

    @BeforeAll
    void history() {
        assertThat(dataDir).isNotNull();
        // small rebuild batches, so that a rebuild lasts long enough for people to act while it runs
        server = StandaloneServer.start(dataDir, "gatehouse.projections.rebuild-batch-size=10",
                "gatehouse.staff.repeat-scan-window=PT1S");
        var context = server.context();
        admin = context.getBean(ProjectionAdmin.class);
        events = new HistoryGenerator(context.getBean(CommandSender.class), new Random(42))
                .settlingBeforeErasures(() -> awaitCaughtUp(admin)).generate();
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void everyReadModelRebuiltFromTheHistoryIsIdentical() {
        assertThat(events).isGreaterThan(1_000);
        awaitCaughtUp(admin);
        assertThat(server.context().getBean(DeadLetters.class).states()).as("events that a group could not apply")
                .isEmpty();
        Map<String, List<String>> live = snapshot(jdbc);
        assertThat(live.values().stream().mapToInt(List::size).sum()).isGreaterThan((int) events / 2);

        var replayable = replayable();
        assertThat(replayable).contains("directory", "audit-index", "staff", "notifications", "report-staff-attendance",
                "report-entries", "uploads", "entry-requests", "gate-log");
        replayable.forEach(admin::replay);
        awaitSwitched(replayable);

        Map<String, List<String>> rebuilt = snapshot(jdbc);
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        live.forEach((table, rows) -> assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(rows));
        assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname like 'rebuild\\_%' "
                + "or nspname like 'retired\\_%'", String.class)).as("no schema left behind").isEmpty();
    }

    @Test
    @Order(2)
    void aReplayWithAppsConnectedAndPeopleActingIsInvisibleToThem() throws Exception {
        var api = server.api();
        var society = api.newSociety();
        var platform = api.platformAdmin();
        // some history of the society that people see: visitors let in, one gone, a maid inside
        List<UUID> admitted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID request = id(api.create(society.guard(), "/gate/requests", visitor(society.flatA(), "Guest " + i)));
            admitted.add(UUID.fromString(api.patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), request)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("entryId").asText()));
        }
        api.patch(society.guard(), "/gate/entries/{id}/checkout", Map.of(), admitted.get(0)).exchange().expectStatus().isOk();
        api.create(society.guard(), "/gate/requests", visitor(society.flatB(), "Waiting friend"));
        UUID maid = id(api.create(society.admin(), "/staff/domestic", Map.of("name", "Sunita", "phone", Api.uniquePhone(),
                "staffType", "MAID", "flatIds", List.of(society.flatA().toString()))));
        String card = api.read(society.admin(), "/staff/domestic/{id}/qr", maid).get("qrToken").asText();
        JsonNode visit = scan(api, society.guard(), card);
        UUID visitId = UUID.fromString(visit.get("attendance").get("id").asText());
        awaitCaughtUp(admin);

        // every live route open, as the apps keep them
        long head = api.read(platform, "/admin/projections").get("projections").get(0).get("head").asLong();
        var live = Live.of(server);
        try (var requests = new Watch(live, society.guard(), "gate.requests.stream", null);
             var entries = new Watch(live, society.guard(), "gate.entries.stream", null);
             var attendance = new Watch(live, society.guard(), "staff.attendance.stream", null);
             var notifications = new Watch(live, society.residentA1(), "notifications.stream", null);
             var audit = new Watch(live, society.auditor(), "audit.events", Map.of("after", head))) {
            // the state each app starts with
            await().atMost(LIVE).until(() -> requests.count() == 1 && entries.count() == 3 && attendance.count() == 1
                    && notifications.count() > 0);
            Thread.sleep(500);
            List<Watch> watches = List.of(requests, entries, attendance, notifications, audit);
            Map<Watch, Integer> initial = new LinkedHashMap<>();
            watches.forEach(w -> initial.put(w, w.count()));
            Set<String> notifiedBefore = ids(api.read(society.residentA1(), "/resident/notifications?limit=100")
                    .get("notifications"));

            // people keep reading while the rebuild runs
            var readers = new Readers(api, society, maid);
            readers.baseline();
            readers.start();

            // every replayable group rebuilt at once; the answer says how far the rebuild is, not "lag 0, progress 0"
            List<String> replayable = replayable();
            for (String group : replayable) {
                JsonNode started = api.post(platform, "/admin/projections/{name}/replay", Map.of(), group).exchange()
                        .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
                assertThat(started.get("replaying").asBoolean()).as(group).isTrue();
                assertThat(started.get("progress").asDouble()).as(group + ": the served model is current").isEqualTo(100.0);
                assertThat(started.get("lag").asLong()).as(group).isZero();
                JsonNode rebuild = started.get("rebuild");
                assertThat(rebuild.get("state").asText()).as(group).isEqualTo("BUILDING");
                assertThat(rebuild.get("lag").asLong()).as(group + ": the rebuild has the history ahead of it")
                        .isEqualTo(rebuild.get("head").asLong() - rebuild.get("position").asLong()).isPositive();
                assertThat(rebuild.get("progress").asDouble()).as(group).isLessThan(100.0);
            }
            api.post(platform, "/admin/projections/{name}/replay", Map.of(), "directory").exchange()
                    .expectStatus().isEqualTo(409);

            // meanwhile at the gate: a visitor raised and let in, a visitor leaving, the maid leaving
            UUID request = id(api.create(society.guard(), "/gate/requests", visitor(society.flatA(), "Cousin")));
            UUID entry = UUID.fromString(api.patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), request)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("entryId").asText());
            api.patch(society.guard(), "/gate/entries/{id}/checkout", Map.of(), admitted.get(1)).exchange()
                    .expectStatus().isOk();
            assertThat(scan(api, society.guard(), card).get("attendance").get("id").asText()).isEqualTo(visitId.toString());
            // the served tables show it at once
            await().atMost(LIVE).untilAsserted(() -> seenByPeople(api, society, request, entry, admitted.get(1), maid, visitId));
            JsonNode during = api.read(platform, "/admin/projections");
            for (JsonNode group : during.get("projections")) {
                if (replayable.contains(group.get("name").asText())) {
                    assertThat(group.get("replaying").asBoolean()).as(group.get("name").asText()
                            + " still rebuilding while people acted (else lower the batch size)").isTrue();
                }
            }

            awaitSwitched(replayable);
            readers.stop();
            // and the switched-in tables have it too
            seenByPeople(api, society, request, entry, admitted.get(1), maid, visitId);
            JsonNode after = api.read(platform, "/admin/projections");
            for (JsonNode group : after.get("projections")) {
                if (replayable.contains(group.get("name").asText())) {
                    assertThat(group.get("rebuild").get("state").asText()).isEqualTo("SWITCHED");
                    assertThat(group.get("rebuild").get("switchedAt").isNull()).isFalse();
                    assertThat(group.get("rebuild").get("progress").asDouble()).isEqualTo(100.0);
                }
            }
            Thread.sleep(1_000);

            // exactly the frames the live flow sends for what people did, nothing of the history again
            assertThat(requests.since(initial.get(requests))).extracting(f -> f.get("id").asText() + " " + f.get("status").asText())
                    .containsExactly(request + " PENDING", request + " APPROVED");
            assertThat(entries.since(initial.get(entries)))
                    .extracting(f -> f.get("id").asText() + " " + (f.get("exitedAt").isNull() ? "in" : "out"))
                    .containsExactlyInAnyOrder(entry + " in", admitted.get(1) + " out");
            assertThat(attendance.since(initial.get(attendance)))
                    .extracting(f -> f.get("id").asText() + " " + (f.get("checkOutTime").isNull() ? "in" : "out"))
                    .containsExactly(visitId + " out");
            Set<String> notifiedNow = ids(api.read(society.residentA1(), "/resident/notifications?limit=100")
                    .get("notifications"));
            notifiedNow.removeAll(notifiedBefore);
            assertThat(notifications.since(initial.get(notifications))).extracting(f -> f.get("id").asText())
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(notifiedNow);
            List<Long> audited = audit.since(0).stream().map(f -> f.get("globalIndex").asLong()).toList();
            assertThat(audited).isSorted().doesNotHaveDuplicates().allMatch(index -> index > head)
                    .containsExactlyElementsOf(auditedSince(api, society.auditor(), head));
            assertThat(audited).isNotEmpty();
            assertThat(readers.fewerRowsThanBefore()).as("reads that returned fewer rows than before the rebuild")
                    .isEmpty();

            System.out.printf("%nREPLAY FIGURES (every replayable group rebuilt with apps connected: %s)%n", replayable);
            System.out.printf("rows seen by readers during the rebuild (before -> min..max per read, reads):%n%s",
                    readers.figures());
            System.out.printf("frames sent: %s%n", watches.stream().map(w -> w.route + " " + initial.get(w)
                    + " initial + " + (w.count() - initial.get(w)) + " live").toList());
        }

        // the switched-in tables equal a fresh build of the same history
        awaitCaughtUp(admin);
        Map<String, List<String>> served = snapshot(jdbc);
        replayable().forEach(admin::replay);
        awaitSwitched(replayable());
        Map<String, List<String>> fresh = snapshot(jdbc);
        assertThat(fresh.keySet()).isEqualTo(served.keySet());
        served.forEach((table, rows) -> assertThat(fresh.get(table)).as(table).containsExactlyElementsOf(rows));
    }

    private List<String> replayable() {
        return admin.statuses().stream().filter(ProjectionAdmin.ProjectionStatus::replayable)
                .map(ProjectionAdmin.ProjectionStatus::name).toList();
    }

    private void awaitSwitched(List<String> groups) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                admin.statuses().stream().filter(p -> groups.contains(p.name())).allMatch(p -> !p.replaying()
                        && p.rebuild() != null && p.rebuild().state() == ShadowRebuilds.State.SWITCHED));
        awaitCaughtUp(admin);
    }

    private static void awaitCaughtUp(ProjectionAdmin admin) {
        // for a whole second: a notifier that has just caught up may still be appending the notifications it sends,
        // which the notification projection (sampled a moment earlier at lag 0) has yet to apply
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).during(Duration.ofSeconds(1)).until(() ->
                admin.statuses().stream().allMatch(p -> !p.replaying() && p.lag() == 0));
    }

    private static void seenByPeople(Api api, Api.Society society, UUID request, UUID entry, UUID left, UUID maid,
                                     UUID visit) {
        assertThat(api.read(society.guard(), "/gate/requests/{id}", request).get("status").asText()).isEqualTo("APPROVED");
        assertThat(api.read(society.guard(), "/gate/entries/{id}", entry).get("exitedAt").isNull()).isTrue();
        assertThat(api.read(society.guard(), "/gate/entries/{id}", left).get("exitedAt").isNull()).isFalse();
        assertThat(ids(api.read(society.guard(), "/gate/entries?open=true").get("entries"))).contains(entry.toString())
                .doesNotContain(left.toString());
        assertThat(api.read(society.guard(), "/staff/domestic/{s}/attendance/{a}", maid, visit).get("checkOutTime").isNull()).isFalse();
    }

    private static Map<String, Object> visitor(UUID flat, String name) {
        return Map.of("type", "VISITOR", "flatId", flat.toString(), "visitorName", name);
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static JsonNode scan(Api api, Api.User guard, String card) {
        return api.post(guard, "/staff/domestic/scan", Map.of("qrToken", card)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<Long> auditedSince(Api api, Api.User auditor, long after) {
        List<Long> indexes = new ArrayList<>();
        for (String line : ndjson(api, auditor, "/admin/audit/events")) {
            try {
                long index = JSON.readTree(line).get("globalIndex").asLong();
                if (index > after) {
                    indexes.add(index);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return indexes;
    }

    private static List<String> ndjson(Api api, Api.User user, String uri) {
        String body = api.get(user, uri).accept(MediaType.APPLICATION_NDJSON).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return body == null ? List.of() : java.util.Arrays.stream(body.split("\n")).filter(l -> !l.isBlank()).toList();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** One app's live route: every frame it receives. */
    private static final class Watch implements AutoCloseable {
        final String route;
        private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        private final Disposable subscription;
        private volatile Throwable error;

        Watch(Live live, Api.User user, String route, Object data) {
            this.route = route;
            var spec = live.connect(Live.Transport.WEBSOCKET, user).route(route);
            this.subscription = (data == null ? spec : spec.data(data)).retrieveFlux(JsonNode.class)
                    .subscribe(frames::add, e -> error = e);
        }

        int count() {
            assertThat(error).as(route + " failed").isNull();
            return frames.size();
        }

        List<JsonNode> since(int index) {
            count();
            return List.copyOf(frames.subList(index, frames.size()));
        }

        @Override
        public void close() {
            subscription.dispose();
        }
    }

    /** People reading lists in a loop: rows per read, against what each list had before the rebuild. */
    private static final class Readers {
        private final Map<String, Supplier<Integer>> reads = new LinkedHashMap<>();
        private final Map<String, Integer> before = new LinkedHashMap<>();
        private final Map<String, int[]> seen = new ConcurrentHashMap<>();
        private final List<String> fewer = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private Thread thread;

        Readers(Api api, Api.Society society, UUID maid) {
            reads.put("gate requests (guard)", () -> total(api.read(society.guard(), "/gate/requests?limit=100")));
            reads.put("gate log (guard)", () -> total(api.read(society.guard(), "/gate/entries?limit=100")));
            reads.put("open entries (resident)", () -> total(api.read(society.residentA1(), "/gate/entries?open=true")));
            reads.put("requests of the flat (resident)", () -> total(api.read(society.residentA1(), "/gate/requests")));
            reads.put("staff (admin)", () -> total(api.read(society.admin(), "/staff/domestic")));
            reads.put("maid's visits (resident)", () -> total(api.read(society.residentA1(),
                    "/staff/domestic/{id}/attendance", maid)));
            reads.put("notifications (resident)", () -> total(api.read(society.residentA1(), "/resident/notifications?limit=100")));
            reads.put("users (admin)", () -> total(api.read(society.admin(), "/admin/societies/{id}/users?limit=100",
                    society.id())));
            reads.put("flats (admin)", () -> total(api.read(society.admin(), "/admin/societies/{id}/flats", society.id())));
            reads.put("audit trail (auditor)", () -> ndjson(api, society.auditor(), "/admin/audit/events").size());
            reads.put("entry report requests (admin)", () -> sum(api.read(society.admin(), "/admin/reports/entries"),
                    "total"));
            reads.put("staff report visits (admin)", () -> sum(api.read(society.admin(), "/admin/reports/staff-attendance"),
                    "visits"));
        }

        void baseline() {
            reads.forEach((name, read) -> before.put(name, read.get()));
            assertThat(before.values()).as("every list has rows to lose").allMatch(rows -> rows > 0);
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    reads.forEach((name, read) -> {
                        int rows = read.get();
                        seen.merge(name, new int[]{rows, rows, 1}, (a, b) ->
                                new int[]{Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + 1});
                        if (rows < before.get(name)) {
                            fewer.add(name + ": " + rows + " < " + before.get(name));
                        }
                    });
                }
            }, "readers");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        List<String> fewerRowsThanBefore() {
            return fewer;
        }

        String figures() {
            var out = new StringBuilder();
            before.forEach((name, rows) -> {
                int[] s = seen.getOrDefault(name, new int[]{-1, -1, 0});
                out.append(String.format("  %-34s %4d -> %4d..%-4d (%d reads)%n", name, rows, s[0], s[1], s[2]));
            });
            return out.toString();
        }

        private static int total(JsonNode page) {
            JsonNode total = page.path("pagination").path("total");
            if (total.isNumber()) {
                return total.asInt();
            }
            int rows = 0;
            for (JsonNode field : page) {
                if (field.isArray()) {
                    rows += field.size();
                }
            }
            return rows;
        }

        /** The sum of a count field over a report's rows. */
        private static int sum(JsonNode report, String field) {
            int sum = 0;
            for (JsonNode section : report) {
                if (section.isArray()) {
                    for (JsonNode row : section) {
                        sum += row.path(field).asInt();
                    }
                }
            }
            return sum;
        }
    }

    /** Every read-model table, each row as JSON text, in a stable order. */
    static Map<String, List<String>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""", String.class)) {
            if (NOT_READ_MODELS.contains(table) || table.contains("lookup")) {
                continue;
            }
            // columns ending in _seq are delivery positions for live streams (a rebuild continues above the
            // values clients have seen), not facts of the read model
            List<String> positions = jdbc.queryForList("""
                    select column_name from information_schema.columns
                    where table_schema = 'public' and table_name = ? and column_name like '%\\_seq'""", String.class, table);
            String facts = positions.isEmpty() ? "to_jsonb(t)"
                    : "to_jsonb(t) - array[" + String.join(", ", positions.stream().map(c -> "'" + c + "'").toList()) + "]";
            tables.put(table, jdbc.queryForList("select (" + facts + ")::text as row from " + table + " t order by 1",
                    String.class));
        }
        return tables;
    }

    /**
     * A realistic history, sent as commands: societies, flats, users moving, changing roles, leaving; staff
     * working for flats and coming and going; visitors at the gate let in, turned away or left to expire;
     * announcements notifying everyone.
     */
    static final class HistoryGenerator {
        private final CommandSender sender;
        private final Random random;
        private long events;
        private Runnable beforeErasures = () -> {
        };

        HistoryGenerator(CommandSender sender, Random random) {
            this.sender = sender;
            this.random = random;
        }

        /**
         * Lets the read models apply a society's history before its erasures, as a real erasure days after a visit
         * finds them: an erasure that a group applies before the person's own events (from another segment) leaves
         * a copy in that group's rows today (a known race, see the README's personal data section).
         */
        HistoryGenerator settlingBeforeErasures(Runnable settle) {
            this.beforeErasures = settle;
            return this;
        }

        long generate() {
            return generate(4);
        }

        long generate(int societies) {
            for (int s = 0; s < societies; s++) {
                SocietyId society = SocietyId.random();
                send(new CreateSociety(society, "Society " + s, "City " + s));
                List<FlatId> flats = new ArrayList<>();
                for (int f = 0; f < 40; f++) {
                    FlatId flat = FlatId.random();
                    flats.add(flat);
                    send(new AddFlat(society, flat, "B" + (f % 4), Integer.toString(100 + f)));
                }
                List<UserId> residents = new ArrayList<>();
                Map<FlatId, List<UserId>> residentsOf = new HashMap<>();
                for (int u = 0; u < 200; u++) {
                    UserId user = UserId.random();
                    Role role = u % 20 == 0 ? Role.GUARD : u % 50 == 1 ? Role.ADMIN : Role.RESIDENT;
                    FlatId home = role == Role.RESIDENT ? flats.get(random.nextInt(flats.size())) : null;
                    send(new RegisterUser(user, "User " + s + "-" + u, String.format("6%02d%07d", s, u), "hash", role,
                            society, home));
                    if (role == Role.RESIDENT) {
                        residents.add(user);
                        residentsOf.computeIfAbsent(home, f -> new ArrayList<>()).add(user);
                    }
                }
                UserId guard = UserId.random();
                send(new RegisterUser(guard, "Gate " + s, String.format("5%02d0000000", s), "hash", Role.GUARD, society, null));
                List<StaffId> staffMembers = new ArrayList<>();
                for (int m = 0; m < 8; m++) {
                    StaffId staff = new StaffId(UUID.randomUUID());
                    staffMembers.add(staff);
                    send(new RegisterStaff(staff, society, null, "Staff " + m, "9" + String.format("%09d", s * 100 + m),
                            StaffType.values()[m % StaffType.values().length],
                            List.of(flats.get(m), flats.get(m + 10)), null));
                    for (int visit = 0; visit < 3; visit++) {
                        send(new CheckInStaff(staff, society, guard, UUID.randomUUID()));
                        send(new CheckOutStaff(staff, society, guard, visit % 2 == 0, UUID.randomUUID()));
                    }
                }
                List<EntryRequestId> requests = new ArrayList<>();
                for (int r = 0; r < 30; r++) {
                    EntryRequestId request = new EntryRequestId(UUID.randomUUID());
                    requests.add(request);
                    FlatId flat = flats.get(r % flats.size());
                    send(new RaiseEntryRequest(request, society, flat, guard, EntryType.values()[r % EntryType.values().length],
                            "Visitor " + r, null, r % 3 == 0 ? ProviderTag.SWIGGY : null, null));
                    // decided by a resident of the flat, or left to expire (the test's expiry is two seconds)
                    UserId resident = residentsOf.getOrDefault(flat, List.of()).stream().findFirst().orElse(null);
                    if (resident != null && r % 3 != 2) {
                        send(r % 3 == 0 ? new ApproveEntryRequest(request, resident, flat)
                                : new RejectEntryRequest(request, resident, flat, "not expected"));
                    }
                }
                for (int a = 0; a < 2; a++) {
                    // a notice published now: fans out a SYSTEM notification to every active member of the society
                    NoticeId notice = new NoticeId(UUID.randomUUID());
                    send(new PostNotice(notice, society, guard, new Content(a == 0 ? NoticeType.GENERAL : NoticeType.URGENT,
                            NoticePriority.HIGH, "Water cut " + a, "No water from 10 to 12", List.of(), List.of(), null,
                            null), false));
                    send(new PinNotice(notice, society, guard, a == 0));
                    for (UserId reader : residents.subList(0, Math.min(3, residents.size()))) {
                        send(new RecordNoticeView(notice, society, reader));
                        send(new RecordNoticeView(notice, society, reader));
                    }
                    // an SOS, answered, and one resolved
                    EmergencyId sos = new EmergencyId(UUID.randomUUID());
                    send(new RaiseEmergency(sos, society, residents.get(0), "Resident", null, null, null,
                            EmergencyType.MEDICAL, "Help " + a, "Gate " + a));
                    send(new RespondToEmergency(sos, society, guard, "Guard"));
                    if (a == 1) {
                        send(new ResolveEmergency(sos, society, guard, "Done"));
                    }
                }
                for (int change = 0; change < 40; change++) {
                    UserId user = residents.get(random.nextInt(residents.size()));
                    switch (random.nextInt(3)) {
                        case 0 -> send(new MoveUserToFlat(user, flats.get(random.nextInt(flats.size()))));
                        case 1 -> send(new ChangeUserRole(user, Role.RESIDENT, flats.get(random.nextInt(flats.size()))));
                        default -> send(new DeactivateUser(user));
                    }
                }
                // a profile with an identity number for two staff members, a pre-approved visitor let in twice and a
                // complaint (their personal data is copied into read models, and the first of each is erased below)
                for (int m = 0; m < 2; m++) {
                    send(new UpdateStaffProfile(staffMembers.get(m), society, null, new StaffProfile(List.of("Hindi"), 3,
                            "AADHAAR", "1234 5678 90" + m, "Street " + m, "Kin " + m, "900000000" + m, "Cooks")));
                }
                List<PreApprovalId> preApprovals = new ArrayList<>();
                for (int p = 0; p < 2; p++) {
                    PreApprovalId preApproval = new PreApprovalId(UUID.randomUUID());
                    preApprovals.add(preApproval);
                    FlatId flat = residentsOf.keySet().iterator().next();
                    send(new CreatePreApproval(preApproval, society, flat, residentsOf.get(flat).get(0), "Guest " + p,
                            "98765000" + s + p, VisitorType.GUEST, "party", "KA01 " + p, Instant.now().minusSeconds(60),
                            Instant.now().plusSeconds(3600), 2));
                    send(new ScanPreApproval(preApproval, society, guard, new EntryId(UUID.randomUUID())));
                }
                send(new FileComplaint(ComplaintId.random(), society, residents.get(0), null, ComplaintCategory.WATER,
                        ComplaintPriority.HIGH, "Leak", "Water leaking near my door", List.of(), "B1", false));
                // some people had their data erased: visits (approved, rejected, expired, pre-approved), a staff
                // member, a resident
                beforeErasures.run();
                for (int r = 0; r < 6; r++) {
                    send(new EraseSubject(DataSubject.visitor(requests.get(r * 5).value()), society, "asked", null));
                }
                send(new EraseSubject(DataSubject.visitor(preApprovals.get(0).value()), society, "asked", null));
                send(new EraseSubject(DataSubject.staff(staffMembers.get(0).value()), society, "left", null));
                send(new EraseSubject(DataSubject.user(residents.get(0).value()), society, "moved out", null));
            }
            return events;
        }

        private void send(Object command) {
            try {
                sender.send(Caller.system(), command).block();
                events++;
            } catch (RuntimeException refused) {
                // a random change may be refused (e.g. a deactivated user): that is part of real histories too
            }
        }
    }
}
