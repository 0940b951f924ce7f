package com.gatehouse.projection.notification;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationSettingsTest {

    @Configuration
    @EnableConfigurationProperties(NotificationSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void retentionIsThirtyDaysUnlessSet() {
        context.run(started -> assertThat(started.getBean(NotificationSettings.class).retention())
                .isEqualTo(Duration.ofDays(30)));
        context.withPropertyValues("gatehouse.notifications.retention=P7D")
                .run(started -> assertThat(started.getBean(NotificationSettings.class).retention())
                        .isEqualTo(Duration.ofDays(7)));
    }

    @Test
    void anInvalidRetentionStopsStartUpNamingTheProperty() {
        for (String invalid : new String[]{"-P1D", "PT0S", "thirty days"}) {
            context.withPropertyValues("gatehouse.notifications.retention=" + invalid).run(started -> {
                assertThat(started).hasFailed();
                assertThat(started.getStartupFailure()).rootCause().hasMessageContaining(
                        invalid.equals("thirty days") ? "thirty days" : "gatehouse.notifications.retention");
            });
        }
    }

    @Test
    void theCutoffIsRetentionBeforeNow() {
        var now = Instant.parse("2026-03-31T00:00:00Z");
        assertThat(new NotificationSettings(Duration.ofDays(30)).cutoff(now)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }
}
