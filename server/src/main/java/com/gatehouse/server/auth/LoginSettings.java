package com.gatehouse.server.auth;

import com.gatehouse.server.config.GatehouseProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Login throttling ({@code gatehouse.login.*}): within {@code window}, at most {@code maxFailures} failed
 * logins for one phone number from one client address, and at most {@code maxFailuresPerAddress} failed
 * logins from one address whatever the phone. Past either, logins from that address answer 429.
 */
@ConfigurationProperties("gatehouse.login")
public record LoginSettings(@DefaultValue("5") int maxFailures,
                            @DefaultValue("50") int maxFailuresPerAddress,
                            @DefaultValue("PT15M") Duration window) {
    public LoginSettings {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("gatehouse.login.max-failures must be 1 or more; was " + maxFailures);
        }
        if (maxFailuresPerAddress < maxFailures) {
            throw new IllegalArgumentException("gatehouse.login.max-failures-per-address must be at least "
                    + "gatehouse.login.max-failures (" + maxFailures + "); was " + maxFailuresPerAddress);
        }
        GatehouseProperties.positive(window, "gatehouse.login.window");
    }
}
