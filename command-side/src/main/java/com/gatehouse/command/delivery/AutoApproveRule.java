package com.gatehouse.command.delivery;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.delivery.AutoApproveRuleId;
import com.gatehouse.api.delivery.DeliveryCommand.ChangeAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryCommand.CreateAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryCommand.DeleteAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryEvent.AutoApproveRuleDefined;
import com.gatehouse.api.delivery.DeliveryEvent.AutoApproveRuleDeleted;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A flat's standing rule: riders of these companies, on these days, in this window (society time), come in
 * without anyone being asked. Only residents of the flat change or delete it (another flat's rule is 404: the
 * seed let any resident toggle any rule).
 */
@Aggregate
public class AutoApproveRule {

    @AggregateIdentifier
    private AutoApproveRuleId id;
    private AutoApproveRuleDefined current;

    protected AutoApproveRule() {
    }

    @CommandHandler
    public AutoApproveRule(CreateAutoApproveRule cmd, Clock clock, DirectoryLookup directory) {
        if (cmd.companies() == null || cmd.companies().isEmpty()) {
            throw Problem.invalid("companies", "name at least one company");
        }
        requireWindow(cmd.timeFrom(), cmd.timeUntil());
        directory.requireFlatInSociety(cmd.flatId(), cmd.societyId());
        apply(new AutoApproveRuleDefined(cmd.ruleId(), cmd.societyId(), cmd.flatId(), cmd.createdBy(),
                Set.copyOf(cmd.companies()), cmd.allowedDays() == null ? Set.of() : Set.copyOf(cmd.allowedDays()),
                cmd.timeFrom(), cmd.timeUntil(), true, clock.instant()));
    }

    @CommandHandler
    public void handle(ChangeAutoApproveRule cmd, Clock clock) {
        requireFlat(cmd.residentFlatId());
        var companies = cmd.companies() == null ? current.companies() : Set.copyOf(cmd.companies());
        if (companies.isEmpty()) {
            throw Problem.invalid("companies", "name at least one company");
        }
        var from = cmd.timeFrom() == null && cmd.timeUntil() == null ? current.timeFrom() : cmd.timeFrom();
        var until = cmd.timeFrom() == null && cmd.timeUntil() == null ? current.timeUntil() : cmd.timeUntil();
        requireWindow(from, until);
        apply(new AutoApproveRuleDefined(id, current.societyId(), current.flatId(), cmd.residentId(), companies,
                cmd.allowedDays() == null ? current.allowedDays() : Set.copyOf(cmd.allowedDays()), from, until,
                cmd.active() == null ? current.active() : cmd.active(), clock.instant()));
    }

    @CommandHandler
    public void handle(DeleteAutoApproveRule cmd, Clock clock) {
        requireFlat(cmd.residentFlatId());
        apply(new AutoApproveRuleDeleted(id, current.societyId(), current.flatId(), cmd.residentId(), clock.instant()));
    }

    private void requireFlat(FlatId flat) {
        if (current == null || !current.flatId().equals(flat)) {
            throw Problem.notFound("Auto-approve rule");
        }
    }

    private static void requireWindow(java.time.LocalTime from, java.time.LocalTime until) {
        if ((from == null) != (until == null)) {
            throw Problem.invalid("timeUntil", "give both timeFrom and timeUntil, or neither");
        }
    }

    @EventSourcingHandler
    void on(AutoApproveRuleDefined event) {
        id = event.ruleId();
        current = event;
    }

    @EventSourcingHandler
    void on(AutoApproveRuleDeleted event) {
        AggregateLifecycle.markDeleted();
    }
}
