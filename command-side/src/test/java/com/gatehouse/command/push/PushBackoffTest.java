package com.gatehouse.command.push;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The drainer's retry schedule: exponential from first-retry-after, capped, never sooner than Retry-After. */
class PushBackoffTest {

    private final PushDrainer drainer = new PushDrainer(null, null, List.of(),
            new PushSettings("log", Duration.ofSeconds(2), Duration.ofSeconds(30), 12, Duration.ofSeconds(60), 200, 4,
                    Duration.ofSeconds(1), Duration.ofDays(7), 10,
                    new PushSettings.Fcm(null, null, "http://localhost", Duration.ofSeconds(10)),
                    new PushSettings.WebPush(null, null, "mailto:x@y", Duration.ofSeconds(10))),
            Clock.systemUTC(), "test");

    @Test
    void eachAttemptWaitsTwiceAsLongUpToTheCap() {
        assertThat(drainer.backoff(1, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(drainer.backoff(2, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(drainer.backoff(3, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(drainer.backoff(4, null)).isEqualTo(Duration.ofSeconds(16));
        assertThat(drainer.backoff(5, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(drainer.backoff(60, null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLongerRetryAfterOfTheProviderWinsAShorterOneDoesNot() {
        assertThat(drainer.backoff(1, Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(120));
        assertThat(drainer.backoff(3, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(8));
    }
}
