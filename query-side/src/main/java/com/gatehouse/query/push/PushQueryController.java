package com.gatehouse.query.push;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.push.PushViews.DeviceList;
import com.gatehouse.api.push.PushViews.PushDeliveryCounts;
import com.gatehouse.api.push.PushViews.PushPreferencesView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Reads of push delivery: the caller's devices and preferences, and an admin's delivery counts. */
@RestController
@Tag(name = "Push")
public class PushQueryController {

    private final PushReads reads;

    public PushQueryController(PushReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/me/devices")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "My registered devices", description = "Newest first; at most 10, so not paged. Tokens are "
            + "never answered.")
    public Mono<DeviceList> devices(Caller caller) {
        return reads.devices(caller.userId()).map(DeviceList::new);
    }

    @GetMapping("/api/v1/me/push-preferences")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "My quiet hours and muted notification types")
    public Mono<PushPreferencesView> preferences(Caller caller) {
        return reads.preferences(caller.userId());
    }

    @GetMapping("/api/v1/admin/societies/{societyId}/push-deliveries")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "How the society's pushes fared",
            description = "Counts of pushes pending, sent (kept gatehouse.push.keep-sent, default 7 days), failed for "
                    + "good (refused by the provider or given up after gatehouse.push.max-attempts) and addressed to "
                    + "tokens the provider reported unregistered (those devices are removed), and the number of "
                    + "registered devices.")
    public Mono<PushDeliveryCounts> deliveries(Caller caller, @PathVariable UUID societyId) {
        caller.requireSociety(societyId, "Society");
        return reads.counts(societyId);
    }
}
