package com.gatehouse.api.notification;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.PersonalData;

import java.util.Map;

/**
 * What a notification says, independent of who receives it: one content is fanned out to many
 * recipients. {@code referenceType}/{@code referenceId} name what it is about (e.g. "EntryRequest", id).
 * {@code about} is the person the message and data speak of (a visit, a staff member), whose key protects them;
 * null when they speak of nobody (an announcement), and in notifications stored before it was added.
 */
public record NotificationContent(NotificationType type, String title,
                                  @PersonalData(idFrom = "about") String message,
                                  @PersonalData(idFrom = "about") Map<String, Object> data,
                                  String referenceType, String referenceId, DataSubject about) {

    public NotificationContent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** A content about nobody in particular. */
    public NotificationContent(NotificationType type, String title, String message, Map<String, Object> data,
                               String referenceType, String referenceId) {
        this(type, title, message, data, referenceType, referenceId, null);
    }

    /** The content as it reads once its subject is erased: no message, no data. */
    public NotificationContent erased() {
        return new NotificationContent(type, title, null, Map.of(), referenceType, referenceId, about);
    }
}
