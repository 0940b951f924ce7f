package com.gatehouse.query.audit;

import static com.gatehouse.api.common.Texts.blankToNull;

import com.gatehouse.api.audit.AuditEvent;
import com.gatehouse.api.audit.AuditQuery.AuditFilter;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SealedPayloads;
import com.gatehouse.projection.audit.AuditIndexProjection;
import com.gatehouse.projection.audit.AuditLog;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
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
    private final AuditLog log;
    private final LiveFeeds live;
    private final SealedPayloads sealed;

    public AuditHistory(AuditLog log, LiveFeeds live, SealedPayloads sealed) {
        this.log = log;
        this.live = live;
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

    /**
     * History, then live: follows the index's wake-ups first ({@link AuditIndexProjection#INDEXED}, sent at commit
     * by whichever instance indexed), then reads what comes after {@code after}, and again at every wake-up (the
     * newest one only, if several came while the client was still reading), passing on each event once.
     */
    public Flux<AuditEvent> follow(AuditFilter filter, long after) {
        UUID key = filter.societyId() == null ? AuditIndexProjection.ALL : filter.societyId();
        return Flux.defer(() -> {
            AtomicLong last = new AtomicLong(after);
            return live.query(AuditIndexProjection.INDEXED, LiveFeed.society(key), Flux.just(after))
                    .onBackpressureLatest()
                    .concatMap(wake -> pages(filter, last.get()).concatMapIterable(page -> page)
                            .filter(event -> event.globalIndex() > last.get())
                            .doOnNext(event -> last.set(event.globalIndex())), 1);
        });
    }
}
