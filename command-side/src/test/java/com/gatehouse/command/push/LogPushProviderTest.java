package com.gatehouse.command.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.push.DevicePlatform;
import com.gatehouse.command.push.PushProvider.Accepted;
import com.gatehouse.command.push.PushProvider.PushMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LogPushProviderTest {

    @Test
    void eachPushIsOneJsonLineWithoutTheDevicesToken(@TempDir Path dir) throws Exception {
        var provider = new LogPushProvider(dir.resolve("push.log"), new ObjectMapper(),
                Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        var message = new PushMessage(UUID.randomUUID(), UUID.randomUUID(), DevicePlatform.ANDROID, "secret-token",
                "DELIVERY_REQUEST", "Delivery at the gate", "SWIGGY delivery is at the gate.",
                Map.of("entryRequestId", "r-1"), true, false);

        assertThat(provider.send(message)).isEqualTo(new Accepted());
        assertThat(provider.send(message)).isEqualTo(new Accepted());

        var lines = Files.readAllLines(dir.resolve("push.log"));
        assertThat(lines).hasSize(2);
        var line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("messageId").asText()).isEqualTo(message.messageId().toString());
        assertThat(line.get("title").asText()).isEqualTo("Delivery at the gate");
        assertThat(line.get("urgent").asBoolean()).isTrue();
        assertThat(lines.get(0)).doesNotContain("secret-token");
    }

    @Test
    void backoffDoublesUpToTheCapAndNeverUndercutsRetryAfter() {
        var settings = new PushSettings("log", Duration.ofSeconds(2), Duration.ofSeconds(30), 12, Duration.ofMinutes(1),
                100, 4, Duration.ofSeconds(1), Duration.ofDays(7), 10, new PushSettings.Fcm(null, null, "x", Duration.ofSeconds(1)),
                new PushSettings.WebPush(null, null, "mailto:x", Duration.ofSeconds(1)));
        var drainer = new PushDrainer(null, null, java.util.List.of(), settings, Clock.systemUTC(), "test");
        assertThat(drainer.backoff(1, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(drainer.backoff(3, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(drainer.backoff(10, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(drainer.backoff(1, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
        assertThat(drainer.backoff(3, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(8));
    }
}
