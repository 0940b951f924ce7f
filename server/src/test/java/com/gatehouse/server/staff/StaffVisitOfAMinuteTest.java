package com.gatehouse.server.staff;

import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Duration: 1 minute", not "1 minutes". Its own server: the shared integration-test server closes visits after
 * 10 s, and durations are whole minutes, so this test waits just over a minute between check-in and check-out.
 */
class StaffVisitOfAMinuteTest {

    @TempDir
    Path dataDir;

    @Test
    void aVisitOfOneMinuteReadsOneMinute() throws InterruptedException {
        try (var server = StandaloneServer.start(dataDir)) {
            var api = server.api();
            var staff = new StaffApi(api);
            var society = api.newSociety();
            UUID maid = staff.registerMaid(society.admin(), "Lakshmi", society.flatB());
            String card = staff.qrToken(society.admin(), maid);
            staff.scanOk(society.guard(), card);
            Thread.sleep(60_500);
            var out = staff.scanOk(society.guard(), card);
            assertThat(out.get("action").asText()).isEqualTo("CHECK_OUT");
            assertThat(out.get("attendance").get("duration").asLong()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !api.notifications(society.residentB(), "STAFF_CHECKOUT").isEmpty());
            assertThat(api.notifications(society.residentB(), "STAFF_CHECKOUT").get(0).get("message").asText())
                    .isEqualTo("Lakshmi (MAID) checked out. Duration: 1 minute");
        }
    }
}
