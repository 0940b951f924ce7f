package com.gatehouse.command.staff;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Operator settings of staff attendance ({@code gatehouse.staff.*}, also {@code GATEHOUSE_STAFF_*}).
 *
 * @param autoCheckoutAfter a visit still open this long after check-in is closed automatically (marked so)
 * @param repeatScanWindow  a scan this soon after the staff member's last check-in or check-out is taken for
 *                          a repeat of it (two guards scanning one card, a double read) and refused (409)
 *                          instead of checking straight back out or in
 */
@Validated
@ConfigurationProperties("gatehouse.staff")
public record StaffSettings(@NotNull @DefaultValue("PT16H") Duration autoCheckoutAfter,
                            @NotNull @DefaultValue("PT1M") Duration repeatScanWindow) {

    public StaffSettings {
        positive(autoCheckoutAfter, "gatehouse.staff.auto-checkout-after", "PT16H");
        positive(repeatScanWindow, "gatehouse.staff.repeat-scan-window", "PT1M");
        if (autoCheckoutAfter != null && repeatScanWindow != null && repeatScanWindow.compareTo(autoCheckoutAfter) >= 0) {
            throw new IllegalArgumentException("gatehouse.staff.repeat-scan-window (" + repeatScanWindow
                    + ") must be shorter than gatehouse.staff.auto-checkout-after (" + autoCheckoutAfter + ")");
        }
    }

    private static void positive(Duration value, String property, String example) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(property + " must be a positive duration, e.g. " + example + "; was " + value);
        }
    }
}
