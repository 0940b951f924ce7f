package com.gatehouse.projection.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.api.notification.NotificationViews.NotificationView;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code notification} table's row as a {@link NotificationView}: the one mapping, shared by the
 * projection (JDBC) and the query side (R2DBC), each reading columns through {@link Columns}.
 */
public final class NotificationTable {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** A row's columns by name, whichever driver read it. */
    @FunctionalInterface
    public interface Columns {
        <T> T get(String column, Class<T> type);
    }

    private NotificationTable() {
    }

    public static NotificationView view(Columns row, ObjectMapper json) {
        OffsetDateTime readAt = row.get("read_at", OffsetDateTime.class);
        return new NotificationView(row.get("id", UUID.class),
                NotificationType.valueOf(row.get("type", String.class)), row.get("title", String.class),
                row.get("message", String.class), data(row.get("data", String.class), json),
                row.get("user_id", UUID.class), row.get("society_id", UUID.class),
                row.get("reference_id", String.class), row.get("reference_type", String.class),
                Boolean.TRUE.equals(row.get("is_read", Boolean.class)), readAt == null ? null : readAt.toInstant(),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    /** The position of the row's last change in its user's feed. */
    public static long changeSeq(Columns row) {
        return row.get("change_seq", Long.class);
    }

    static String json(Map<String, Object> data, ObjectMapper json) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> data(String text, ObjectMapper json) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
