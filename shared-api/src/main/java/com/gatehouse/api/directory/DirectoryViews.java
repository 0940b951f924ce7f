package com.gatehouse.api.directory;

import com.gatehouse.api.common.Role;

import java.time.Instant;
import java.util.UUID;

/** Read models of the directory, as served over REST (and answered to queries). */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    public record SocietyView(UUID id, String name, String city, Instant createdAt, String timeZone) {
    }

    public record FlatView(UUID id, UUID societyId, String block, String number, Instant createdAt) {
    }

    public record UserView(UUID id, String name, String phone, Role role, UUID societyId, UUID flatId,
                           boolean active, Instant createdAt) {
    }
}
