package com.gatehouse.query.audit;

import com.gatehouse.api.audit.AuditEvent;
import com.gatehouse.api.audit.AuditQuery.AuditFilter;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SealedPayloads;
import com.gatehouse.projection.audit.AuditLog;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit trail for REST and RSocket: the history in global order, a page at a time, and for
 * live followers the events indexed after it. Confined to the caller's society unless the caller is
 * platform-wide.
 */
@Component
public class AuditHistory {

    static final int PAGE = 2_000;
    /** Events a live follower may fall behind by before it is dropped (it resumes from its last index). */
    static final int LIVE_BUFFER = 10_000;

    private final AuditLog log;
    private final QueryGateway queries;
    private final SealedPayloads sealed;

    public AuditHistory(AuditLog log, QueryGateway queries, SealedPayloads sealed) {
        this.log = log;
        this.queries = queries;
        this.sealed = sealed;
    }

    /** The event as auditors see it: personal fields opened, or null and listed as erased. */
    private AuditEvent opened(AuditEvent event) {
        String payload = sealed.open(event.payload());
        return payload == event.payload() ? event : new AuditEvent(event.globalIndex(), event.aggregateType(),
                event.aggregateId(), event.sequenceNumber(), event.eventType(), event.timestamp(), event.actorId(),
                event.societyId(), payload);
    }

    /** The filter a caller may use: their own society, or any for platform-wide callers. */
    public static AuditFilter filterFor(Caller caller, Instant from, Instant to, String aggregateType,
                                        String aggregateId) {
        UUID society = caller.isPlatformWide() ? null : caller.societyId();
        if (!caller.isPlatformWide() && society == null) {
            throw Problem.forbidden("This account belongs to no society");
        }
        return new AuditFilter(society, from, to, blankToNull(aggregateType), blankToNull(aggregateId));
    }

    /** Pages of history after {@code after}, read lazily off the event loop until exhausted. */
    public Flux<List<AuditEvent>> pages(AuditFilter filter, long after) {
        AtomicLong cursor = new AtomicLong(after);
        return Mono.fromCallable(() -> log.page(filter, cursor.get(), PAGE).stream().map(this::opened).toList())
                .subscribeOn(Schedulers.boundedElastic())
                .repeat()
                .takeUntil(page -> page.size() < PAGE)
                .filter(page -> !page.isEmpty())
                .doOnNext(page -> cursor.set(page.get(page.size() - 1).globalIndex()));
    }

    /** History, then live: subscribe first, read the history, then pass on only what comes after it. */
    public Flux<AuditEvent> follow(AuditFilter filter, long after) {
        return Flux.using(() -> queries.subscriptionQuery(AuditFilter.class.getName(), filter, ResponseTypes.instanceOf(Long.class),
                                ResponseTypes.instanceOf(AuditEvent.class), LIVE_BUFFER),
                (SubscriptionQueryResult<Long, AuditEvent> live) -> {
                    AtomicLong last = new AtomicLong(after);
                    return pages(filter, after).concatMapIterable(page -> page)
                            .concatWith(live.updates().onBackpressureBuffer(LIVE_BUFFER)
                                    .filter(event -> event.globalIndex() > last.get())
                                    .publishOn(Schedulers.boundedElastic()).map(this::opened))
                            .filter(event -> event.globalIndex() > last.get())
                            .doOnNext(event -> last.set(event.globalIndex()));
                },
                SubscriptionQueryResult::cancel)
                // frames are encoded off the audit index's thread, which emits the live part
                .publishOn(Schedulers.parallel());
    }

    /** The initial answer of a live audit subscription: how far the index has come. */
    @QueryHandler
    public Long indexedUpTo(AuditFilter filter) {
        return log.indexedUpTo();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
