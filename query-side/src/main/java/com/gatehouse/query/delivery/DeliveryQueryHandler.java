package com.gatehouse.query.delivery;

import com.gatehouse.api.delivery.DeliveryQuery.FindActiveAutoApproveRules;
import com.gatehouse.api.delivery.DeliveryQuery.FindAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryQuery.FindClaimableDeliveries;
import com.gatehouse.api.delivery.DeliveryQuery.FindExpectedDelivery;
import com.gatehouse.api.delivery.DeliveryViews.AutoApproveRuleView;
import com.gatehouse.api.delivery.DeliveryViews.ExpectedDeliveryView;
import com.gatehouse.projection.delivery.DeliveryReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers the delivery context's queries from its read models (also the gate's question which rule admits a rider). */
@Component
public class DeliveryQueryHandler {

    private final DeliveryReadModel readModel;

    public DeliveryQueryHandler(DeliveryReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    public Optional<ExpectedDeliveryView> handle(FindExpectedDelivery query) {
        return readModel.expected(query.expectedDeliveryId());
    }

    @QueryHandler
    public Optional<AutoApproveRuleView> handle(FindAutoApproveRule query) {
        return readModel.rule(query.ruleId());
    }

    @QueryHandler
    public List<ExpectedDeliveryView> handle(FindClaimableDeliveries query) {
        return readModel.claimable(query.societyId(), query.flatId(), query.company(), query.date());
    }

    @QueryHandler
    public List<AutoApproveRuleView> handle(FindActiveAutoApproveRules query) {
        return readModel.activeRules(query.flatId());
    }
}
