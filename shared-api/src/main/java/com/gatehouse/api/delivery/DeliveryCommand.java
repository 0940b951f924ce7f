package com.gatehouse.api.delivery;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.ProviderTag;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/** What can be asked of expected deliveries and auto-approve rules. */
public sealed interface DeliveryCommand {

    /**
     * A resident of {@code flatId} expects {@code company} on {@code expectedDate} (optionally between timeFrom and
     * timeUntil, society time); {@code lapsesAt} is the end of that day in the society's time zone.
     */
    record ExpectDelivery(@TargetAggregateIdentifier ExpectedDeliveryId expectedDeliveryId, SocietyId societyId,
                          FlatId flatId, UserId createdBy, ProviderTag company, String itemName,
                          LocalDate expectedDate, LocalTime timeFrom, LocalTime timeUntil, Instant lapsesAt)
            implements DeliveryCommand {
    }

    /** A rider of the company is at the gate: the first claim wins, for entry request {@code requestId}. */
    record ClaimExpectedDelivery(@TargetAggregateIdentifier ExpectedDeliveryId expectedDeliveryId,
                                 SocietyId guardSocietyId, EntryRequestId requestId) implements DeliveryCommand {
    }

    /** The claim's entry request could not be raised after all: the delivery is expected again. */
    record ReleaseExpectedDeliveryClaim(@TargetAggregateIdentifier ExpectedDeliveryId expectedDeliveryId,
                                        EntryRequestId requestId) implements DeliveryCommand {
    }

    record CancelExpectedDelivery(@TargetAggregateIdentifier ExpectedDeliveryId expectedDeliveryId, UserId residentId,
                                  FlatId residentFlatId) implements DeliveryCommand {
    }

    /** A resident of {@code flatId} lets these companies in on these days (empty: every day) in this window. */
    record CreateAutoApproveRule(@TargetAggregateIdentifier AutoApproveRuleId ruleId, SocietyId societyId,
                                 FlatId flatId, UserId createdBy, Set<ProviderTag> companies,
                                 Set<DayOfWeek> allowedDays, LocalTime timeFrom, LocalTime timeUntil)
            implements DeliveryCommand {
    }

    /** Changes what is given (null: unchanged); {@code clearTimes} removes the window. */
    record ChangeAutoApproveRule(@TargetAggregateIdentifier AutoApproveRuleId ruleId, UserId residentId,
                                 FlatId residentFlatId, Set<ProviderTag> companies, Set<DayOfWeek> allowedDays,
                                 LocalTime timeFrom, LocalTime timeUntil, Boolean active) implements DeliveryCommand {
    }

    record DeleteAutoApproveRule(@TargetAggregateIdentifier AutoApproveRuleId ruleId, UserId residentId,
                                 FlatId residentFlatId) implements DeliveryCommand {
    }
}
