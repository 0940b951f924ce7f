package com.gatehouse.api.delivery;

import com.gatehouse.api.common.ReadModel;
import com.gatehouse.api.entry.ProviderTag;

import java.time.LocalDate;
import java.util.UUID;

/** Questions about expected deliveries and auto-approve rules, answered by the query side. */
public sealed interface DeliveryQuery {

    /** Answers {@code Optional<ExpectedDeliveryView>}; updates carry the changed one. */
    @ReadModel("deliveries")
    record FindExpectedDelivery(UUID expectedDeliveryId) implements DeliveryQuery {
    }

    /** Answers {@code Optional<AutoApproveRuleView>}; updates carry the changed rule. */
    @ReadModel("deliveries")
    record FindAutoApproveRule(UUID ruleId) implements DeliveryQuery {
    }

    /** The flat's deliveries of {@code company} still EXPECTED on {@code date}: {@code List<ExpectedDeliveryView>}. */
    record FindClaimableDeliveries(UUID societyId, UUID flatId, ProviderTag company, LocalDate date)
            implements DeliveryQuery {
    }

    /** The flat's active rules: {@code List<AutoApproveRuleView>}. */
    record FindActiveAutoApproveRules(UUID flatId) implements DeliveryQuery {
    }
}
