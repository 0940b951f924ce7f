package com.gatehouse.query.notification;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.notification.NotificationViews.NotificationChange;
import com.gatehouse.api.notification.NotificationViews.NotificationView;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.projection.notification.NotificationProjection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.SynchronousSink;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * One user's notification feed: first what is stored (their unread notifications, or with {@code since}
 * what changed after that point), then every change as it is applied, with nothing lost or doubled at the
 * seam. How:
 * <ol>
 *     <li>follow the user's changes first ({@link NotificationProjection#CHANGES} through {@link LiveFeeds}:
 *     published at commit by whichever instance applied them), holding them in a bounded buffer;</li>
 *     <li>then read the user's head: the feed position of their latest applied change. The projection
 *     applies one user's changes in order, so the table holds every change up to the head and none after;</li>
 *     <li>send the stored part, page by page, limited to changes up to the head, then the live changes
 *     after the head, each only if it is newer than the last one sent.</li>
 * </ol>
 * Bounds: frames go out only as the client asks for them (RSocket request-n). At most {@value #LIVE_BUFFER}
 * changes wait for a client, besides 2 x {@value #PREFETCH} queued between the stages; a client that falls
 * further behind gets {@link LiveFeeds.SlowSubscriber} at once and its connection is closed (it reconnects with
 * {@code since}), so memory per subscriber stays bounded and the projection never waits for anyone. The
 * stored part is read {@value #PAGE} rows at a time, only as the client asks for more, and no database
 * connection is held between pages. A vanished client is noticed by RSocket keepalive (the client's
 * setting; Spring's default: 20 s interval, 90 s max lifetime), which closes the connection and with it
 * the subscription.
 */
@Component
public class NotificationFeed {

    static final int LIVE_BUFFER = 256;
    static final int PREFETCH = 32;
    static final int PAGE = 100;

    private final LiveFeeds feeds;
    private final NotificationReads reads;

    public NotificationFeed(LiveFeeds feeds, NotificationReads reads) {
        this.feeds = feeds;
        this.reads = reads;
    }

    /**
     * Where a feed starts: unread notifications (no since, or a since id that is not, or no longer, the
     * user's), after a notification ({@code since} = its id), or after a time ({@code since} = ISO-8601).
     */
    public record Start(UUID afterNotification, Instant afterTime) {

        public static Start parse(String since) {
            if (since == null || since.isBlank()) {
                return new Start(null, null);
            }
            String value = since.strip();
            try {
                return new Start(UUID.fromString(value), null);
            } catch (IllegalArgumentException notAnId) {
                try {
                    return new Start(null, OffsetDateTime.parse(value).toInstant());
                } catch (DateTimeParseException notATime) {
                    throw Problem.invalid("since", "must be a notification id or an ISO-8601 time");
                }
            }
        }
    }

    private sealed interface Frame {
        record Head(long seq) implements Frame {
        }

        record Stored(NotificationView view) implements Frame {
        }

        record Live(NotificationChange change) implements Frame {
        }
    }

    public Flux<NotificationView> of(UUID user, Start start) {
        return Flux.defer(() -> {
            // the stored part is read only once the live part follows the user, so nothing falls between them
            Sinks.Empty<Void> following = Sinks.empty();
            Flux<Frame> live = feeds.changes(NotificationProjection.CHANGES, LiveFeed.user(user), LIVE_BUFFER)
                    .doOnSubscribe(subscription -> following.tryEmitEmpty())
                    .map(Frame.Live::new);
            Flux<Frame> stored = following.asMono().thenMany(reads.head(user).flatMapMany(head -> Flux.concat(
                    Mono.just(new Frame.Head(head)),
                    storedPart(user, start).flatMapMany(part -> stored(user, part, part.after(), head)))));
            long[] sent = {Long.MAX_VALUE};
            // eager: the live part is subscribed (and buffered) while the stored part is still read
            return Flux.mergeSequential(List.of(stored, live), 2, PREFETCH)
                    .handle((Frame frame, SynchronousSink<NotificationView> out) -> {
                        if (frame instanceof Frame.Head head) {
                            sent[0] = head.seq();
                        } else if (frame instanceof Frame.Stored row) {
                            out.next(row.view());
                        } else if (frame instanceof Frame.Live update && update.change().seq() > sent[0]) {
                            sent[0] = update.change().seq();
                            out.next(update.change().notification());
                        }
                    });
        });
    }

    /** What the stored part holds: rows changed after {@code after}, only unread ones, or ones changed after a time. */
    private record StoredPart(long after, boolean unreadOnly, Instant changedAfter) {
    }

    private Mono<StoredPart> storedPart(UUID user, Start start) {
        if (start.afterTime() != null) {
            return Mono.just(new StoredPart(0, false, start.afterTime()));
        }
        StoredPart unread = new StoredPart(0, true, null);
        if (start.afterNotification() == null) {
            return Mono.just(unread);
        }
        return reads.sentSeq(user, start.afterNotification())
                .map(seq -> new StoredPart(seq, false, null))
                .defaultIfEmpty(unread);
    }

    private Flux<Frame> stored(UUID user, StoredPart part, long after, long head) {
        return reads.feedPage(user, after, head, part.unreadOnly(), part.changedAfter(), PAGE).flatMapMany(page -> {
            Flux<Frame> frames = Flux.fromIterable(page).map(change -> new Frame.Stored(change.notification()));
            if (page.size() < PAGE) {
                return frames;
            }
            long last = page.get(page.size() - 1).seq();
            return frames.concatWith(Flux.defer(() -> stored(user, part, last, head)));
        });
    }
}
