package com.gatehouse.command.push;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.push.DevicePlatform;
import com.gatehouse.api.push.PushViews.DeviceView;
import com.gatehouse.api.push.PushViews.PushPreferencesView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Registering and removing the caller's phones and browsers that receive pushes, and setting quiet hours and
 * mutes (reads: query side, {@code PushQueryController}). Every logged-in role may register devices: guards
 * receive "nobody answered" alerts.
 */
@RestController
@Tag(name = "Push")
public class DeviceController {

    private final Devices devices;
    private final PushPreferences preferences;

    public DeviceController(Devices devices, PushPreferences preferences) {
        this.devices = devices;
        this.preferences = preferences;
    }

    public record RegisterDevice(@NotNull DevicePlatform platform, @NotBlank @Size(max = 4096) String token,
                                 @Size(max = 40) String appVersion) {
    }

    @PostMapping("/api/v1/me/devices")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "Register this device for pushes",
            description = "token: the FCM registration token (ANDROID, IOS, or WEB through FCM), or for WEB with Web "
                    + "Push the browser's PushSubscription as JSON ({endpoint, keys: {p256dh, auth}}). Idempotent per "
                    + "token: registering the same token again answers the same device (so an Idempotency-Key is not "
                    + "needed); a token another user registered moves to the caller. At most 10 devices per user "
                    + "(gatehouse.push.max-devices-per-user): one more removes the longest-registered. The token is "
                    + "never answered back.")
    public Mono<DeviceView> register(Caller caller, @Valid @RequestBody RegisterDevice body) {
        return blocking(() -> devices.register(caller.userId(), caller.societyId(), body.platform(),
                body.token().strip(), body.appVersion()));
    }

    @DeleteMapping("/api/v1/me/devices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "Stop pushes to one of my devices",
            description = "Pushes not yet sent to it are dropped. Someone else's or an unknown device answers 404. "
                    + "Logging out with {deviceId} does the same.")
    public Mono<Void> remove(Caller caller, @PathVariable UUID id) {
        return blocking(() -> {
            devices.remove(caller.userId(), id);
            return Boolean.TRUE;
        }).then();
    }

    @PutMapping("/api/v1/me/push-preferences")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "Set my quiet hours and muted notification types",
            description = "quietFrom/quietTo: local times HH:mm in timeZone (default Asia/Kolkata); they may span "
                    + "midnight (22:00 to 07:00); both null: no quiet hours. During quiet hours and for muted types "
                    + "no push is sent (the notification is still stored and shown in the app). ENTRY_REQUEST, "
                    + "DELIVERY_REQUEST and EMERGENCY_ALERT cannot be muted (400) and ring during quiet hours, as "
                    + "does everything about a pending entry request (reminders, the guard's alert).")
    public Mono<PushPreferencesView> setPreferences(Caller caller, @RequestBody PushPreferencesView body) {
        return blocking(() -> preferences.set(caller.userId(), body));
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
