package com.gatehouse.query.notification;

import com.gatehouse.api.notification.NotificationQuery.FindNotification;
import com.gatehouse.api.notification.NotificationQuery.FindUnreadNotificationIds;
import com.gatehouse.api.notification.NotificationQuery.WatchNotifications;
import com.gatehouse.api.notification.NotificationViews.NotificationView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Answers the notification queries from the read model (R2DBC, so no query thread waits on the database). */
@Component
public class NotificationQueryHandler {

    private final NotificationReads reads;

    public NotificationQueryHandler(NotificationReads reads) {
        this.reads = reads;
    }

    @QueryHandler
    public CompletableFuture<Optional<NotificationView>> handle(FindNotification query) {
        return reads.find(query.notificationId()).map(Optional::of).defaultIfEmpty(Optional.empty()).toFuture();
    }

    @QueryHandler
    public CompletableFuture<List<UUID>> handle(FindUnreadNotificationIds query) {
        return reads.unreadIds(query.userId()).toFuture();
    }

    /** The initial answer of a user's feed subscription: the unread count (the app's badge). */
    @QueryHandler
    public CompletableFuture<Long> handle(WatchNotifications query) {
        return reads.unreadCount(query.userId()).toFuture();
    }
}
