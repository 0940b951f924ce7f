package com.gatehouse.api.complaint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A complaint as served. {@code reportedById} and {@code flatId} name the reporter: for an anonymous complaint
 * only the reporter sees them (everyone else, admins included, gets null). {@code images} are upload ids.
 */
public record ComplaintView(UUID id, UUID societyId, UUID flatId, UUID reportedById,
                            @JsonProperty("isAnonymous") boolean anonymous, ComplaintCategory category,
                            ComplaintPriority priority, ComplaintStatus status, String title, String description,
                            List<UUID> images, String location, UUID assignedToId, Instant assignedAt,
                            UUID resolvedById, Instant resolvedAt, String resolution, String rejectionReason,
                            int reopenCount, Instant createdAt, Instant updatedAt, boolean erased) {

    /**
     * Residents see the complaints they filed; admins and auditors their society's (the platform: all); whoever a
     * complaint is assigned to sees it too.
     */
    public boolean visibleTo(Caller caller) {
        if (!caller.canSeeSociety(societyId)) {
            return false;
        }
        return caller.hasRole(Role.ADMIN, Role.AUDITOR, Role.SUPER_ADMIN) || isReporter(caller)
                || caller.userId().equals(assignedToId);
    }

    @JsonIgnore
    public boolean isReporter(Caller caller) {
        return caller.userId().equals(reportedById);
    }

    /** The complaint as the caller may see it (404 when they may not): anonymity hides the reporter from others. */
    public ComplaintView seenBy(Caller caller) {
        if (!visibleTo(caller)) {
            throw Problem.notFound("Complaint");
        }
        if (!anonymous || isReporter(caller)) {
            return this;
        }
        return new ComplaintView(id, societyId, null, null, true, category, priority, status, title, description,
                images, location, assignedToId, assignedAt, resolvedById, resolvedAt, resolution, rejectionReason,
                reopenCount, createdAt, updatedAt, erased);
    }
}
