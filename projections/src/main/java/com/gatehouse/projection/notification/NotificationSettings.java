package com.gatehouse.projection.notification;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code gatehouse.notifications.*}: how long notifications stay in the read model ({@code retention},
 * default P30D; the events stay). A zero or negative value stops start-up with a message naming the property.
 */
@Validated
@ConfigurationProperties("gatehouse.notifications")
public record NotificationSettings(@NotNull @DefaultValue("P30D") Duration retention) {

    public NotificationSettings {
        if (retention != null && (retention.isZero() || retention.isNegative())) {
            throw new IllegalArgumentException(
                    "gatehouse.notifications.retention must be a positive duration, e.g. P30D; was " + retention);
        }
    }

    /** Notifications sent before this instant are past retention. */
    public Instant cutoff(Instant now) {
        return now.minus(retention);
    }
}
