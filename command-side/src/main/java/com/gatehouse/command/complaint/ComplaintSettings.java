package com.gatehouse.command.complaint;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Operator settings of complaints ({@code gatehouse.complaint.*}).
 *
 * @param reopenWindow how long after its resolution the reporter may reopen a complaint (default 7 days)
 */
@Validated
@ConfigurationProperties("gatehouse.complaint")
public record ComplaintSettings(@NotNull @DefaultValue("P7D") Duration reopenWindow) {

    public ComplaintSettings {
        if (reopenWindow != null && (reopenWindow.isZero() || reopenWindow.isNegative())) {
            throw new IllegalArgumentException(
                    "gatehouse.complaint.reopen-window must be a positive duration, e.g. P7D; was " + reopenWindow);
        }
    }
}
