package com.gatehouse.command.staff;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invalid staff settings stop start-up with a message naming the property. */
class StaffSettingsTest {

    @Test
    void theDefaultsAreSixteenHoursAndOneMinute() {
        var settings = new StaffSettings(Duration.ofHours(16), Duration.ofMinutes(1));
        assertThat(settings.autoCheckoutAfter()).isEqualTo(Duration.parse("PT16H"));
    }

    @Test
    void durationsMustBePositive() {
        assertThatThrownBy(() -> new StaffSettings(Duration.ZERO, Duration.ofMinutes(1)))
                .hasMessageContaining("gatehouse.staff.auto-checkout-after must be a positive duration");
        assertThatThrownBy(() -> new StaffSettings(Duration.ofHours(16), Duration.ofSeconds(-1)))
                .hasMessageContaining("gatehouse.staff.repeat-scan-window must be a positive duration");
    }

    @Test
    void theRepeatWindowIsShorterThanAVisitMayLast() {
        assertThatThrownBy(() -> new StaffSettings(Duration.ofMinutes(1), Duration.ofMinutes(5)))
                .hasMessageContaining("gatehouse.staff.repeat-scan-window (PT5M) must be shorter than");
    }
}
