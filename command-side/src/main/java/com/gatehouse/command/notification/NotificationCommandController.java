package com.gatehouse.command.notification;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.NotificationCommand.MarkNotificationDelivered;
import com.gatehouse.api.notification.NotificationCommand.MarkNotificationRead;
import com.gatehouse.api.notification.NotificationCommand.MarkNotificationsRead;
import com.gatehouse.api.notification.NotificationId;
import com.gatehouse.api.notification.NotificationQuery.FindNotification;
import com.gatehouse.api.notification.NotificationQuery.FindUnreadNotificationIds;
import com.gatehouse.api.notification.NotificationQuery.WatchNotifications;
import com.gatehouse.api.notification.NotificationViews.NotificationChange;
import com.gatehouse.api.notification.NotificationViews.NotificationView;
import com.gatehouse.command.common.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Marking one's own notifications read, and the app's receipt that a push was shown. Every logged-in user has
 * notifications, so every role may call these (the contract keeps the residents' path). The read marks answer
 * once the read model shows the change.
 */
@RestController
@RequestMapping("/api/v1/resident/notifications")
@Tag(name = "Notifications")
public class NotificationCommandController {

    /** Ids per "read all" command: one transaction each, so a huge backlog never makes one giant commit. */
    static final int READ_ALL_CHUNK = 200;
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(10);

    private final CommandSender sender;
    private final QueryGateway queries;

    public NotificationCommandController(CommandSender sender, QueryGateway queries) {
        this.sender = sender;
        this.queries = queries;
    }

    @PatchMapping("/{id}/read")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR})
    @Operation(summary = "Mark one of my notifications read",
            description = "Answers the notification with isRead and readAt. Reading it again changes nothing; "
                    + "someone else's notification answers 404. Other devices see the change on notifications.stream.")
    public Mono<NotificationView> markRead(Caller caller, @PathVariable UUID id) {
        return sender.find(new FindNotification(id), NotificationView.class)
                .filter(view -> view.userId().equals(caller.userId()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Notification")))
                .flatMap(view -> view.isRead() ? Mono.just(view) : sender.sendAndRead(caller,
                        new MarkNotificationRead(new NotificationId(id), new UserId(caller.userId())),
                        new FindNotification(id), NotificationView.class));
    }

    /** The optional body of a delivery receipt. */
    public record DeliveryReceipt(UUID deviceId) {
    }

    @PostMapping("/{id}/delivered")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR})
    @Operation(summary = "Report that my app showed a notification (a delivery receipt)",
            description = "Sent by the app when it shows a pushed notification, with an optional body "
                    + "{deviceId}: the id that POST /me/devices answered for this phone (without it the caller's phones "
                    + "count as one). The same phone again changes nothing; someone else's notification answers 404. "
                    + "Receipts of an entry request's notifications show on the guard's gate.requests.stream as "
                    + "phonesReached (distinct phones that showed the request or its reminder). Answers 204 once the "
                    + "receipt is stored.")
    public Mono<Void> delivered(Caller caller, @PathVariable UUID id,
                                @RequestBody(required = false) DeliveryReceipt receipt) {
        return sender.send(caller, new MarkNotificationDelivered(new NotificationId(id), new UserId(caller.userId()),
                receipt == null ? null : receipt.deviceId())).then();
    }

    @PatchMapping("/read-all")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR})
    @Operation(summary = "Mark all my notifications read",
            description = "Marks every notification that is unread when the request arrives and answers "
                    + "{updated: n, count: n}, the number that changed from unread to read (both names: the "
                    + "contract's updated and the older apps' count).")
    public Mono<Map<String, Integer>> markAllRead(Caller caller) {
        UserId user = new UserId(caller.userId());
        return Mono.defer(() -> Mono.fromFuture(queries.query(new FindUnreadNotificationIds(caller.userId()),
                        ResponseTypes.multipleInstancesOf(UUID.class))))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(ids -> Flux.fromIterable(chunks(ids)))
                .concatMap(chunk -> markAndAwait(caller, new MarkNotificationsRead(user,
                        chunk.stream().map(NotificationId::new).toList())))
                .reduce(0, Integer::sum)
                .map(updated -> Map.of("updated", updated, "count", updated));
    }

    /** Sends one chunk; completes with the number changed once the read model shows them all. */
    private Mono<Integer> markAndAwait(Caller caller, MarkNotificationsRead command) {
        return sender.<List<NotificationId>>sendVisible(caller, command, FindNotification.class).map(List::size)
                .defaultIfEmpty(0);
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        List<List<UUID>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += READ_ALL_CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + READ_ALL_CHUNK)));
        }
        return chunks;
    }
}
