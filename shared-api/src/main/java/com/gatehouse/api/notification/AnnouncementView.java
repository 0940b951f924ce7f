package com.gatehouse.api.notification;

import java.time.Instant;
import java.util.UUID;

/** An announcement as {@code POST /admin/societies/{societyId}/announcements} answers it. */
public record AnnouncementView(UUID id, UUID societyId, String title, String message, UUID createdById,
                               Instant createdAt) {
}
