package com.gatehouse.command.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryViews.FlatView;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestReminded;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestUnanswered;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryRequestStatus;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.api.notification.NotificationType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationContentTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    final EntryRequestId id = new EntryRequestId(UUID.randomUUID());
    final SocietyId society = SocietyId.random();
    final FlatId flat = FlatId.random();
    final EntryRequestView delivery = new EntryRequestView(id.value(), EntryType.DELIVERY, EntryRequestStatus.PENDING,
            null, null, ProviderTag.SWIGGY, null, flat.value(), society.value(), UUID.randomUUID(), null, null, null,
            null, T0.plusSeconds(900), null, T0, 0, false, null, false);

    @Test
    void theReminderIsTheSameKindOfRequestSaidAgain() {
        var content = EntryNotifications.reminderContent(new EntryRequestReminded(id, society, flat, T0.plusSeconds(45)),
                delivery);
        assertThat(content.type()).isEqualTo(NotificationType.DELIVERY_REQUEST);
        assertThat(content.title()).isEqualTo("Still waiting at the gate");
        assertThat(content.message()).startsWith("SWIGGY delivery is still waiting at the gate");
        assertThat(content.data()).containsEntry("reminder", true);
        assertThat(content.referenceId()).isEqualTo(id.toString());
    }

    @Test
    void theGuardIsGivenTheResidentsPhoneNumbersToCall() {
        var asha = new UserView(UUID.randomUUID(), "Asha", "+919800000001", Role.RESIDENT, society.value(), flat.value(),
                true, T0, null, null, true, null, false, false);
        var ravi = new UserView(UUID.randomUUID(), "Ravi", "+919800000002", Role.RESIDENT, society.value(), flat.value(),
                true, T0, null, null, false, null, false, false);
        var content = EntryNotifications.unansweredContent(new EntryRequestUnanswered(id, society, flat, UserId.random(),
                T0.plusSeconds(90)), delivery, new FlatView(flat.value(), society.value(), "A", "101", T0), List.of(asha, ravi));
        assertThat(content.title()).isEqualTo("Nobody has answered");
        assertThat(content.message()).contains("A-101", "Asha +919800000001", "Ravi +919800000002");
        assertThat(content.referenceType()).isEqualTo("EntryRequest");
        assertThat(content.data().get("residents").toString()).contains("9800000001", "9800000002");
    }
}
