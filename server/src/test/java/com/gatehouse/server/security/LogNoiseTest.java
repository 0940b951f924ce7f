package com.gatehouse.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import com.gatehouse.server.support.Live;
import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log says what an operator needs: a client's mistake is neither a WARN nor an ERROR, a start has no noise. */
@ExtendWith(OutputCaptureExtension.class)
class LogNoiseTest extends IntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    void refusedRequestsAndRefusedRoutesLogNoWarningOrError(CapturedOutput output) {
        var society = api().newSociety();
        // 400: a photo key that is no upload of this society (refused while the aggregate is created)
        api().post(society.guard(), "/gate/requests", Map.of("type", "DELIVERY", "flatId", society.flatA().toString(),
                        "visitorName", "Rider", "photoKey", "societies/x/ENTRY_PHOTO/none.jpg"))
                .exchange().expectStatus().isBadRequest();
        // 409: a second decision on a decided request (refused by an existing aggregate)
        JsonNode request = api().create(society.guard(), "/gate/requests",
                Map.of("type", "DELIVERY", "flatId", society.flatA().toString(), "visitorName", "Rider"));
        String id = request.get("id").asText();
        api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), id).exchange().expectStatus().isOk();
        api().patch(society.residentA2(), "/gate/requests/{id}/reject", Map.of(), id).exchange()
                .expectStatus().isEqualTo(409);
        // an RSocket route refused for the caller's role: the stream ends with the reason, as before
        var auditor = live().connect(Live.Transport.TCP, society.auditor());
        try {
            assertThatThrownBy(() -> auditor.route("gate.requests.stream").retrieveFlux(JsonNode.class)
                    .blockFirst(Duration.ofSeconds(10))).hasMessageContaining("needs the role");
        } finally {
            auditor.dispose();
        }

        // what the refusals above log; Axon's janitor reporting a slow unit of work left over from an earlier test
        // in the shared server (a race test's queued commands) is not about these requests
        String log = (output.getOut() + output.getErr()).lines()
                .filter(line -> !line.contains("axon-janitor")).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(log).as("a client's mistake is not a warning").doesNotContain(" WARN ");
        assertThat(log).as("nor an error").doesNotContain(" ERROR ");
    }

    @Test
    void aStartPrintsNoFlywayOutOfOrderWarningAndNoVendorBanner(CapturedOutput output) {
        try (var server = StandaloneServer.start(dataDir)) {
            assertThat(server.api().platformAdmin().token()).isNotBlank();
        }
        String log = output.getOut() + output.getErr();
        assertThat(log).as("the start is in the captured log").contains("Netty started on port");
        assertThat(log).doesNotContain("outOfOrder").doesNotContain("AxonIQ Console");
    }
}
