package com.gatehouse.command.delivery;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.delivery.DeliveryCommand.ClaimExpectedDelivery;
import com.gatehouse.api.delivery.DeliveryCommand.ReleaseExpectedDeliveryClaim;
import com.gatehouse.api.delivery.DeliveryQuery.FindActiveAutoApproveRules;
import com.gatehouse.api.delivery.DeliveryQuery.FindClaimableDeliveries;
import com.gatehouse.api.delivery.DeliveryViews.AutoApproveRuleView;
import com.gatehouse.api.delivery.DeliveryViews.ExpectedDeliveryView;
import com.gatehouse.api.delivery.ExpectedDeliveryId;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.command.common.CommandSender;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * Whether a rider at the gate comes in without anyone being asked: the one place that decides it, for a guard's
 * entry request of type DELIVERY and for a walk-in alike. First an expected delivery of the flat for that company
 * today (society time, inside its window if it has one), claimed by its {@link ExpectedDelivery} aggregate (two
 * riders at once: one claim wins, the other rider's flat is asked as usual); else an active {@link AutoApproveRule}
 * of the flat that admits the company now. Reads the delivery read models through queries (the command side never
 * reads projections' tables).
 */
@Component
public class DeliveryAutoApproval {

    public static final String EXPECTED = "Expected delivery";
    public static final String RULE = "Auto-approve rule";

    /** Why nobody is asked, and the expected delivery claimed for it (null for a rule). */
    public record Decision(String reason, ExpectedDeliveryId claimed) {
    }

    private final CommandSender sender;
    private final QueryGateway queries;
    private final SocietyTimeZones zones;
    private final Clock clock;

    public DeliveryAutoApproval(CommandSender sender, QueryGateway queries, SocietyTimeZones zones, Clock clock) {
        this.sender = sender;
        this.queries = queries;
        this.zones = zones;
        this.clock = clock;
    }

    /** The decision for request {@code requestId}; empty when the flat must be asked. */
    public Mono<Decision> decide(Caller caller, FlatId flat, EntryType type, ProviderTag company,
                                 EntryRequestId requestId) {
        if (type != EntryType.DELIVERY || company == null || flat == null || caller.societyId() == null) {
            return Mono.empty();
        }
        SocietyId society = SocietyId.of(caller.societyId());
        return Mono.fromCallable(() -> ZonedDateTime.now(clock.withZone(zones.zoneOf(society.value()))))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(now -> claimExpected(caller, society, flat, company, requestId, now)
                        .switchIfEmpty(Mono.defer(() -> byRule(flat, company, now))));
    }

    /** Gives back a claim whose request could not be raised after all (best effort). */
    public Mono<Void> release(Caller caller, Decision decision, EntryRequestId requestId) {
        if (decision == null || decision.claimed() == null) {
            return Mono.empty();
        }
        return sender.send(caller, new ReleaseExpectedDeliveryClaim(decision.claimed(), requestId))
                .onErrorResume(e -> Mono.empty()).then();
    }

    private Mono<Decision> claimExpected(Caller caller, SocietyId society, FlatId flat, ProviderTag company,
                                         EntryRequestId requestId, ZonedDateTime now) {
        return Mono.fromFuture(() -> queries.query(new FindClaimableDeliveries(society.value(), flat.value(), company,
                        now.toLocalDate()), ResponseTypes.multipleInstancesOf(ExpectedDeliveryView.class)))
                .flatMapMany(Flux::fromIterable)
                .filter(expected -> expected.fits(now.toLocalTime()))
                .concatMap(expected -> sender.send(caller, new ClaimExpectedDelivery(
                                new ExpectedDeliveryId(expected.id()), society, requestId))
                        .then(Mono.just(new Decision(EXPECTED, new ExpectedDeliveryId(expected.id()))))
                        .onErrorResume(DeliveryAutoApproval::lostTheClaim, lost -> Mono.empty()))
                .next();
    }

    private Mono<Decision> byRule(FlatId flat, ProviderTag company, ZonedDateTime now) {
        return Mono.fromFuture(() -> queries.query(new FindActiveAutoApproveRules(flat.value()),
                        ResponseTypes.multipleInstancesOf(AutoApproveRuleView.class)))
                .flatMapMany(Flux::fromIterable)
                .filter(rule -> rule.admits(company, now.getDayOfWeek(), now.toLocalTime()))
                .next()
                .map(rule -> new Decision(RULE, null));
    }

    /** Another rider claimed it first (409), or claimed it at the same instant on another instance. */
    static boolean lostTheClaim(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Problem p) {
                return p.kind() == Problem.Kind.CONFLICT;
            }
            if (t instanceof HandlerExecutionException h && h.getDetails().orElse(null) instanceof Problem.Details d) {
                return d.kind() == Problem.Kind.CONFLICT;
            }
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
