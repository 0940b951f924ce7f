package com.gatehouse.projection.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterSettingsTest {

    final DeadLetterSettings settings = new DeadLetterSettings(Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofSeconds(5));

    @Test
    void theWaitDoublesAfterEachFailedAttemptAndNeverExceedsTheCap() {
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.backoffAfter(Long.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void invalidSettingsNameTheProperty() {
        assertThatThrownBy(() -> new DeadLetterSettings(Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(5)))
                .hasMessageContaining("gatehouse.dead-letters.first-retry-after");
        assertThatThrownBy(() -> new DeadLetterSettings(Duration.ofHours(2), Duration.ofHours(1), Duration.ofSeconds(5)))
                .hasMessageContaining("gatehouse.dead-letters.max-retry-backoff");
    }
}
