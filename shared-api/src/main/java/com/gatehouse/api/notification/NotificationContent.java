package com.gatehouse.api.notification;

import java.util.Map;

/**
 * What a notification says, independent of who receives it: one content is fanned out to many
 * recipients. {@code referenceType}/{@code referenceId} name what it is about (e.g. "EntryRequest", id).
 */
public record NotificationContent(NotificationType type, String title, String message, Map<String, Object> data,
                                  String referenceType, String referenceId) {

    public NotificationContent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
