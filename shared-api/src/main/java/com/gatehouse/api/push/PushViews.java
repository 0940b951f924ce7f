package com.gatehouse.api.push;

import com.gatehouse.api.notification.NotificationType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the push endpoints answer. A device's token is never answered back (it is a secret). */
public final class PushViews {

    private PushViews() {
    }

    public record DeviceView(UUID id, DevicePlatform platform, String appVersion, Instant registeredAt) {
    }

    public record DeviceList(List<DeviceView> devices) {
    }

    /**
     * Quiet hours ({@code quietFrom}..{@code quietTo}, local times "HH:mm" in {@code timeZone}; both null: none) and
     * muted notification types. Entry and delivery requests and emergency alerts always ring.
     */
    public record PushPreferencesView(String quietFrom, String quietTo, String timeZone,
                                      List<NotificationType> mutedTypes) {
    }

    /** A society's pushes by outcome (the admin's view of delivery). */
    public record PushDeliveryCounts(UUID societyId, long pending, long sent, long failed, long unregistered,
                                     long devices) {
    }
}
