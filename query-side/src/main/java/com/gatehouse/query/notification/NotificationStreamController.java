package com.gatehouse.query.notification;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.notification.NotificationViews.NotificationView;
import com.gatehouse.projection.common.LiveFeeds;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * {@code notifications.stream}: the caller's notifications over RSocket, each frame a notification as
 * REST shows it. First the unread ones (oldest first), then new ones as they are sent and read-state
 * changes made on other devices. With {@code {since: <notification id>}} the first part is instead every
 * notification sent after that one plus every read after it (each missed notification exactly once);
 * {@code {since: <ISO-8601 time>}} the same after that time. A client that does not keep up is dropped.
 */
@Controller
public class NotificationStreamController {

    /** Time for the error frame to reach a dropped client before its connection closes. */
    static final Duration ERROR_GRACE = Duration.ofMillis(200);

    private final NotificationFeed feed;

    public NotificationStreamController(NotificationFeed feed) {
        this.feed = feed;
    }

    /** What a client may send when it opens the stream (all optional). */
    public record StreamRequest(String since) {
    }

    @MessageMapping("notifications.stream")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR})
    public Flux<NotificationView> stream(Caller caller, @Payload(required = false) StreamRequest request,
                                         RSocketRequester connection) {
        var start = NotificationFeed.Start.parse(request == null ? null : request.since());
        return feed.of(caller.userId(), start)
                .doOnError(LiveFeeds.SlowSubscriber.class, slow -> Mono.delay(ERROR_GRACE)
                        .subscribe(tick -> {
                            if (connection.rsocket() != null) {
                                connection.rsocket().dispose();
                            }
                        }));
    }
}
