package com.gatehouse.query.emergency;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.emergency.EmergencyQuery.WatchEmergencies;
import com.gatehouse.api.emergency.EmergencyView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * {@code emergencies.stream} over RSocket: the ACTIVE emergencies the caller may see (newest first, at most 100),
 * then every change as it is projected: raised, responded, escalated, resolved, false alarm. Guards and admins
 * watch their society; any other member their own reports, their flat's and those escalated to their block.
 * <p>
 * Each subscriber holds at most {@value #UPDATE_BUFFER} undelivered changes; one that falls further behind is
 * ended with an error (the app reconnects and gets the state again).
 */
@Controller
public class EmergencyStreams {

    static final int UPDATE_BUFFER = 1024;

    private final QueryGateway queries;
    private final EmergencyQueryHandler handler;

    public EmergencyStreams(QueryGateway queries, EmergencyQueryHandler handler) {
        this.queries = queries;
        this.handler = handler;
    }

    @MessageMapping("emergencies.stream")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    public Flux<EmergencyView> emergencies(Caller caller) {
        return Mono.fromCallable(() -> handler.watchOf(caller))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(this::watch);
    }

    /** State, then changes; the subscription query is opened before the state is read, so nothing falls between. */
    private Flux<EmergencyView> watch(WatchEmergencies query) {
        return Flux.using(
                        () -> queries.subscriptionQuery(WatchEmergencies.class.getName(), query,
                                ResponseTypes.multipleInstancesOf(EmergencyView.class),
                                ResponseTypes.instanceOf(EmergencyView.class), UPDATE_BUFFER),
                        (SubscriptionQueryResult<List<EmergencyView>, EmergencyView> result) -> result.initialResult()
                                .flatMapMany(Flux::fromIterable)
                                .concatWith(result.updates()),
                        SubscriptionQueryResult::cancel)
                .onBackpressureBuffer(UPDATE_BUFFER)
                // frames are encoded and written off the projection thread that emits the change
                .publishOn(Schedulers.parallel())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
