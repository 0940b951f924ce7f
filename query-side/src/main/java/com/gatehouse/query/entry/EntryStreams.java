package com.gatehouse.query.entry;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.entry.EntryQuery.WatchEntries;
import com.gatehouse.api.entry.EntryQuery.WatchEntryRequests;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.entry.EntryViews.EntryView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.UUID;

/**
 * The gate's live feeds over RSocket: {@code gate.requests.stream} and {@code gate.entries.stream}. Each sends
 * the current state first (pending requests / open entries, newest first, at most 100), then every change
 * as it is projected. Guards and admins watch their society, residents their own flat.
 * <p>
 * Each subscriber holds at most {@value #UPDATE_BUFFER} undelivered changes; one that falls further behind is
 * ended with an error (the app reconnects and gets the state again) rather than holding memory.
 */
@Controller
public class EntryStreams {

    static final int UPDATE_BUFFER = 1024;

    private final QueryGateway queries;

    public EntryStreams(QueryGateway queries) {
        this.queries = queries;
    }

    @MessageMapping("gate.requests.stream")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    public Flux<EntryRequestView> requests(Caller caller) {
        return watch(new WatchEntryRequests(caller.societyId(), flatOf(caller)), EntryRequestView.class);
    }

    @MessageMapping("gate.entries.stream")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    public Flux<EntryView> entries(Caller caller) {
        return watch(new WatchEntries(caller.societyId(), flatOf(caller)), EntryView.class);
    }

    /** Residents watch their own flat (a resident without one watches nothing); everyone else the society. */
    private static UUID flatOf(Caller caller) {
        return caller.role() == Role.RESIDENT ? EntryQueryController.flatScope(caller, null) : null;
    }

    private <V> Flux<V> watch(Object query, Class<V> type) {
        return watch(queries, query, type);
    }

    /**
     * State, then changes; the subscription query is opened before the state is read, so nothing falls between.
     * The one way the gate's live feeds are served (also {@code gate.passes.stream}).
     */
    public static <V> Flux<V> watch(QueryGateway queries, Object query, Class<V> type) {
        return Flux.using(
                        () -> queries.subscriptionQuery(query.getClass().getName(), query,
                                ResponseTypes.multipleInstancesOf(type), ResponseTypes.instanceOf(type), UPDATE_BUFFER),
                        (SubscriptionQueryResult<List<V>, V> result) -> result.initialResult()
                                .flatMapMany(Flux::fromIterable)
                                .concatWith(result.updates()),
                        SubscriptionQueryResult::cancel)
                .onBackpressureBuffer(UPDATE_BUFFER)
                // frames are encoded and written off the projection thread that emits the change
                .publishOn(Schedulers.parallel())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
