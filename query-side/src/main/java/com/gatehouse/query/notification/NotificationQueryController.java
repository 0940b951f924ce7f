package com.gatehouse.query.notification;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Role;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The caller's own notifications. Every logged-in user has notifications (guards and admins get some
 * too), so every role may call these, under the residents' path the contract keeps.
 */
@RestController
@RequestMapping("/api/v1/resident/notifications")
@Tag(name = "Notifications")
public class NotificationQueryController {

    private final NotificationReads reads;

    public NotificationQueryController(NotificationReads reads) {
        this.reads = reads;
    }

    @GetMapping
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "My notifications, newest first",
            description = "Response: {notifications: [...], pagination: {total, page, limit, totalPages}}, the "
                    + "shape of every list. unreadOnly=true lists unread ones only. Notifications leave after "
                    + "gatehouse.notifications.retention (30 days).")
    public Mono<Map<String, Object>> list(Caller caller, @RequestParam(required = false) Boolean unreadOnly,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        return reads.page(caller.userId(), Boolean.TRUE.equals(unreadOnly), request)
                .map(slice -> Paged.body("notifications", slice, request));
    }

    @GetMapping("/unread-count")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "How many of my notifications are unread", description = "Response: {unreadCount}.")
    public Mono<Map<String, Long>> unreadCount(Caller caller) {
        return reads.unreadCount(caller.userId()).map(count -> Map.of("unreadCount", count));
    }
}
