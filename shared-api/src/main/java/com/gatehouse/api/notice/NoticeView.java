package com.gatehouse.api.notice;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice as served over REST (the seed's fields). {@code isPublished} false: scheduled for {@code publishAt}
 * (only admins see it). {@code isActive} false: past {@code expiresAt} (only admins see it).
 */
public record NoticeView(UUID id, NoticeType type, NoticePriority priority, String title, String description,
                         List<UUID> images, List<UUID> documents, UUID createdById, UUID societyId,
                         @JsonProperty("isUrgent") boolean isUrgent, @JsonProperty("isPinned") boolean isPinned,
                         @JsonProperty("isPublished") boolean isPublished, Instant publishAt, Instant publishedAt,
                         Instant expiresAt, @JsonProperty("isActive") boolean isActive, long viewCount,
                         Instant createdAt, Instant updatedAt) {
}
