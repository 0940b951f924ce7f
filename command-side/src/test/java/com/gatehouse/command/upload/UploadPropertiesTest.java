package com.gatehouse.command.upload;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadPropertiesTest {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @EnableConfigurationProperties(UploadProperties.class)
    static class Settings {
    }

    private static ApplicationContextRunner withProperty(String property) {
        return new ApplicationContextRunner().withUserConfiguration(Settings.class).withPropertyValues(property);
    }

    @Test
    void theDefaultsAreTheContracts() {
        new ApplicationContextRunner().withUserConfiguration(Settings.class).run(context -> {
            var settings = context.getBean(UploadProperties.class);
            assertThat(settings.uploadUrlTtl()).isEqualTo(Duration.ofMinutes(5));
            assertThat(settings.viewUrlTtl()).isEqualTo(Duration.ofHours(1));
            assertThat(settings.orphanAge()).isEqualTo(Duration.ofDays(1));
        });
    }

    @Test
    void aBadSettingStopsStartUpWithAClearMessage() {
        withProperty("gatehouse.upload.view-url-ttl=PT0S").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("gatehouse.upload.view-url-ttl must be a positive duration"));
        withProperty("gatehouse.upload.upload-url-ttl=soon").run(context -> assertThat(context).getFailure()
                .cause().hasMessageContaining("gatehouse.upload.upload-url-ttl"));
    }

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
