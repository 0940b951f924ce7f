package com.gatehouse.server.security;

import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} stays small: Axon's meters per processor and bus, not per payload type and quantile,
 * unless {@code gatehouse.metrics.axon-detailed} asks for them. Its own servers: {@code @SpringBootTest} turns
 * metrics export off.
 */
class MetricsTest {

    @TempDir
    Path lean;

    @TempDir
    Path detailed;

    /** Events of many payload types through every processor, then the scrape's series (comment lines left out). */
    private static String scrapeAfterEvents(StandaloneServer server) {
        Api api = server.api();
        for (int i = 0; i < 3; i++) {
            var society = api.newSociety();
            var request = api.create(society.guard(), "/gate/requests", Map.of("type", "DELIVERY",
                    "flatId", society.flatA().toString(), "providerTag", "SWIGGY", "visitorName", "Rider"));
            api.patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(), request.get("id").asText())
                    .exchange().expectStatus().isOk();
        }
        return api.client().get().uri("/actuator/prometheus")
                .header("Authorization", api.platformAdmin().bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static List<String> series(String text) {
        return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static List<String> axon(List<String> series) {
        return series.stream().filter(line -> line.startsWith("eventProcessor_") || line.startsWith("commandBus_")
                || line.startsWith("queryBus_") || line.startsWith("eventStore_")).toList();
    }

    @Test
    void prometheusIsLeanByDefaultAndDetailedOnlyWhenAskedFor() {
        String text;
        try (var server = StandaloneServer.start(lean)) {
            text = scrapeAfterEvents(server);
        }
        var series = series(text);
        System.out.printf("prometheus, default: %d bytes, %d series, %d of them Axon's%n",
                text.length(), series.size(), axon(series).size());
        assertThat(axon(series)).as("Axon's meters are there").isNotEmpty();
        assertThat(axon(series)).as("no series per payload type").noneMatch(line -> line.contains("payloadType="));
        assertThat(axon(series)).as("no client-side percentiles").noneMatch(line -> line.contains("quantile="));
        assertThat(series.size()).as("series in all").isLessThan(1_500);
        assertThat(text.length()).as("bytes").isLessThan(300_000);

        String detailedText;
        try (var server = StandaloneServer.start(detailed, "gatehouse.metrics.axon-detailed=true")) {
            detailedText = scrapeAfterEvents(server);
        }
        var detailedSeries = series(detailedText);
        System.out.printf("prometheus, gatehouse.metrics.axon-detailed=true: %d bytes, %d series%n",
                detailedText.length(), detailedSeries.size());
        assertThat(axon(detailedSeries)).anyMatch(line -> line.contains("payloadType="))
                .anyMatch(line -> line.contains("quantile="));
    }
}
