package com.gatehouse.api.emergency;

import java.time.Instant;
import java.util.UUID;

/**
 * An emergency as served over REST and on {@code emergencies.stream}. {@code escalated} is true once it was
 * alerted again because nobody responded ({@code escalationCount} times, at most 3, the last at {@code escalatedAt}).
 */
public record EmergencyView(UUID id, EmergencyType type, EmergencyStatus status, String description, String location,
                            UUID reportedById, String reporterName, UUID flatId, String block, String flatNumber,
                            UUID societyId, UUID respondedById, String responderName, Instant respondedAt, UUID resolvedById,
                            Instant resolvedAt, String notes, boolean escalated, int escalationCount,
                            Instant escalatedAt, Instant createdAt, Instant updatedAt) {
}
