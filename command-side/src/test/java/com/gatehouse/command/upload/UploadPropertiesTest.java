package com.gatehouse.command.upload;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadPropertiesTest {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void invalidLifetimesStopStartUpNamingTheProperty() {
        assertThatThrownBy(() -> new UploadProperties(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1), Duration.ofHours(1)))
                .hasMessageContaining("gatehouse.upload.upload-url-ttl must be a positive duration");
        assertThatThrownBy(() -> new UploadProperties(FIVE_MINUTES, Duration.ofDays(8), Duration.ofDays(1), Duration.ofHours(1)))
                .hasMessageContaining("gatehouse.upload.view-url-ttl must be at most P7D");
        assertThatThrownBy(() -> new UploadProperties(FIVE_MINUTES, Duration.ofHours(1), Duration.ofMinutes(4), Duration.ofHours(1)))
                .hasMessageContaining("gatehouse.upload.orphan-age");
        assertThatThrownBy(() -> new UploadProperties(FIVE_MINUTES, Duration.ofHours(1), Duration.ofDays(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("gatehouse.upload.orphan-sweep-interval");
        assertThatThrownBy(() -> new UploadProperties(null, Duration.ofHours(1), Duration.ofDays(1), Duration.ofHours(1)))
                .hasMessageContaining("gatehouse.upload.upload-url-ttl");
    }
}
