package com.gatehouse.command.emergency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Operator settings of emergencies ({@code gatehouse.emergency.*}, also {@code GATEHOUSE_EMERGENCY_ESCALATE_AFTER}):
 * how long an SOS waits for a guard or admin to respond before it is alerted again, escalated (at most
 * {@value Emergency#MAX_ESCALATIONS} times, each after this long). A missing, zero or negative value stops start-up
 * with a message naming the property.
 */
@ConfigurationProperties("gatehouse.emergency")
public record EmergencySettings(@DefaultValue("PT1M") Duration escalateAfter) {

    public EmergencySettings {
        if (escalateAfter == null || escalateAfter.isZero() || escalateAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "gatehouse.emergency.escalate-after must be a positive duration, e.g. PT1M; was " + escalateAfter);
        }
    }
}
