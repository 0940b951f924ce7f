package com.gatehouse.server.auth;

import com.gatehouse.server.config.GatehouseProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Sign-in by one-time code ({@code gatehouse.otp.*}): a code lives {@code ttl} (2 minutes) and takes at most
 * {@code maxAttempts} (5) guesses; within {@code window} (1 hour) at most {@code maxPerPhone} (3) codes are
 * sent to one phone and {@code maxPerAddress} (10) from one client address.
 */
@ConfigurationProperties("gatehouse.otp")
public record OtpSettings(@DefaultValue("PT2M") Duration ttl,
                          @DefaultValue("5") int maxAttempts,
                          @DefaultValue("3") int maxPerPhone,
                          @DefaultValue("10") int maxPerAddress,
                          @DefaultValue("PT1H") Duration window) {
    public OtpSettings {
        GatehouseProperties.positive(ttl, "gatehouse.otp.ttl");
        GatehouseProperties.positive(window, "gatehouse.otp.window");
        if (maxAttempts < 1 || maxPerPhone < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("gatehouse.otp.max-attempts, max-per-phone and max-per-address must be 1 or more");
        }
    }
}
