package com.gatehouse.command.push;

import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PushLevelTest {

    @Test
    void anSosIsCriticalAndAGateRequestTimeSensitiveNeitherSilenceable() {
        assertThat(PushLevel.of(NotificationType.EMERGENCY_ALERT)).isEqualTo(PushLevel.CRITICAL);
        assertThat(PushLevel.of(NotificationType.ENTRY_REQUEST)).isEqualTo(PushLevel.TIME_SENSITIVE);
        assertThat(PushLevel.of(NotificationType.DELIVERY_REQUEST)).isEqualTo(PushLevel.TIME_SENSITIVE);
        assertThat(PushLevel.CRITICAL.silenceable()).isFalse();
        assertThat(PushLevel.TIME_SENSITIVE.silenceable()).isFalse();
        assertThat(PushLevel.CRITICAL.urgent()).isTrue();
    }

    @Test
    void theOtherTypesRingNormallyAndMayBeMuted() {
        for (NotificationType type : new NotificationType[]{NotificationType.STAFF_BOOKING,
                NotificationType.VISITOR_ENTERED, NotificationType.GATE_PASS_DECISION, NotificationType.STAFF_CHECKIN,
                NotificationType.SYSTEM, NotificationType.ONBOARDING_STATUS}) {
            assertThat(PushLevel.of(type)).as(type.name()).isEqualTo(PushLevel.ACTIVE);
        }
        assertThat(PushLevel.ACTIVE.silenceable()).isTrue();
        assertThat(PushLevel.ACTIVE.urgent()).isFalse();
    }

    @Test
    void anythingAboutAPendingEntryRequestIsTimeSensitive() {
        var unanswered = new NotificationContent(NotificationType.SYSTEM, "Nobody has answered", "Call: ...", Map.of(),
                "EntryRequest", "r-1");
        var notice = new NotificationContent(NotificationType.SYSTEM, "Water off", "Sunday", Map.of(), "Notice", "n-1");
        assertThat(PushLevel.of(unanswered)).isEqualTo(PushLevel.TIME_SENSITIVE);
        assertThat(PushLevel.of(notice)).isEqualTo(PushLevel.ACTIVE);
    }
}
