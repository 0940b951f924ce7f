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

    /**
     * {@code invited}: a family member invited by the flat's primary resident, not yet signed in (inactive
     * until then); {@code primaryResident}: the flat's first resident, who may invite family.
     */
    public record UserView(UUID id, String name, String phone, Role role, UUID societyId, UUID flatId,
                           boolean active, Instant createdAt, String email, String photoKey, boolean primaryResident,
                           FamilyRole familyRole, boolean invited) {
    }

    /** A society as onboarding lists it (active societies only), with its size. */
    public record SocietyListing(UUID id, String name, String city, long totalBlocks, long totalFlats) {
    }

    public record BlockListing(UUID id, String name, long totalFlats) {
    }

    /**
     * A flat as onboarding and guards see it: occupied when an active resident lives there; {@code hasOwner}
     * when an owner's request was approved for it or is under review (an owner may not apply then);
     * {@code primaryResidentName} only for guards and admins.
     */
    public record FlatListing(UUID id, String number, String block, UUID blockId, boolean occupied, boolean hasOwner,
                              String primaryResidentName) {
    }
}
