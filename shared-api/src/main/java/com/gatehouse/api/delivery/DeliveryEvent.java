package com.gatehouse.api.delivery;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.ProviderTag;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/** What happened to expected deliveries and auto-approve rules. Every event names the society and the flat. */
public sealed interface DeliveryEvent {

    SocietyId societyId();

    FlatId flatId();

    /** {@code lapseScheduleId} is the persistent deadline that ends it at {@code lapsesAt}. */
    record DeliveryExpected(ExpectedDeliveryId expectedDeliveryId, SocietyId societyId, FlatId flatId,
                            UserId createdBy, ProviderTag company, String itemName, LocalDate expectedDate,
                            LocalTime timeFrom, LocalTime timeUntil, Instant lapsesAt, String lapseScheduleId,
                            Instant createdAt) implements DeliveryEvent {
    }

    record ExpectedDeliveryClaimed(ExpectedDeliveryId expectedDeliveryId, SocietyId societyId, FlatId flatId,
                                   EntryRequestId requestId, Instant claimedAt) implements DeliveryEvent {
    }

    record ExpectedDeliveryClaimReleased(ExpectedDeliveryId expectedDeliveryId, SocietyId societyId, FlatId flatId,
                                         EntryRequestId requestId, Instant releasedAt) implements DeliveryEvent {
    }

    record ExpectedDeliveryCancelled(ExpectedDeliveryId expectedDeliveryId, SocietyId societyId, FlatId flatId,
                                     UserId cancelledBy, Instant cancelledAt) implements DeliveryEvent {
    }

    record ExpectedDeliveryLapsed(ExpectedDeliveryId expectedDeliveryId, SocietyId societyId, FlatId flatId,
                                  Instant lapsedAt) implements DeliveryEvent {
    }

    /** The rule as it stands after creation or a change. */
    record AutoApproveRuleDefined(AutoApproveRuleId ruleId, SocietyId societyId, FlatId flatId, UserId by,
                                  Set<ProviderTag> companies, Set<DayOfWeek> allowedDays, LocalTime timeFrom,
                                  LocalTime timeUntil, boolean active, Instant at) implements DeliveryEvent {
    }

    record AutoApproveRuleDeleted(AutoApproveRuleId ruleId, SocietyId societyId, FlatId flatId, UserId by,
                                  Instant at) implements DeliveryEvent {
    }
}
