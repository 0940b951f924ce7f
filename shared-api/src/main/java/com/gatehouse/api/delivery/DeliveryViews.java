package com.gatehouse.api.delivery;

import com.gatehouse.api.entry.ProviderTag;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/** Read models of expected deliveries and auto-approve rules, and the one rule that matches a delivery to them. */
public final class DeliveryViews {

    private DeliveryViews() {
    }

    public record ExpectedDeliveryView(UUID id, UUID societyId, UUID flatId, UUID createdById, ProviderTag companyName,
                                       String itemName, LocalDate expectedDate, LocalTime timeFrom,
                                       LocalTime timeUntil, ExpectedDeliveryStatus status, boolean isUsed,
                                       UUID claimedByRequestId, Instant usedAt, Instant createdAt) {

        /** Whether a rider arriving at {@code time} (society time) on its day fits its window (none: all day). */
        public boolean fits(LocalTime time) {
            return within(timeFrom, timeUntil, time);
        }
    }

    public record AutoApproveRuleView(UUID id, UUID societyId, UUID flatId, UUID createdById,
                                      Set<ProviderTag> companies, Set<DayOfWeek> allowedDays, LocalTime timeFrom,
                                      LocalTime timeUntil, boolean isActive, Instant createdAt, Instant updatedAt) {

        /**
         * Whether the rule lets a rider of {@code company} in on {@code day} at {@code time} (society time): active,
         * the company listed, the day allowed (none listed: every day), the time within the window (none: all day;
         * a window whose end is before its start wraps midnight; both ends included).
         */
        public boolean admits(ProviderTag company, DayOfWeek day, LocalTime time) {
            return isActive && companies.contains(company)
                    && (allowedDays.isEmpty() || allowedDays.contains(day))
                    && within(timeFrom, timeUntil, time);
        }
    }

    /** A company a delivery may come from: the contract's provider tags, with a label for the apps. */
    public record Company(ProviderTag value, String label) {
    }

    static boolean within(LocalTime from, LocalTime until, LocalTime time) {
        if (from == null || until == null) {
            return true;
        }
        LocalTime minute = time.withSecond(0).withNano(0);
        if (!until.isBefore(from)) {
            return !minute.isBefore(from) && !minute.isAfter(until);
        }
        return !minute.isBefore(from) || !minute.isAfter(until);
    }
}
