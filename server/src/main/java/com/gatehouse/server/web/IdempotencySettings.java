package com.gatehouse.server.web;

import com.gatehouse.server.config.GatehouseProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code gatehouse.idempotency.*}: how long an {@code Idempotency-Key} stays bound to its first request
 * ({@code retention}), and after how long a request still marked in flight is taken for lost (its
 * instance died) so that a retry may proceed ({@code in-flight-timeout}).
 */
@ConfigurationProperties("gatehouse.idempotency")
public record IdempotencySettings(@DefaultValue("P1D") Duration retention,
                                  @DefaultValue("PT1M") Duration inFlightTimeout) {
    public IdempotencySettings {
        GatehouseProperties.positive(retention, "gatehouse.idempotency.retention");
        GatehouseProperties.positive(inFlightTimeout, "gatehouse.idempotency.in-flight-timeout");
    }
}
