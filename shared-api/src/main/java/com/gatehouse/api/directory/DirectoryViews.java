package com.gatehouse.api.directory;

import com.gatehouse.api.common.Role;

import java.time.Instant;
import java.util.UUID;

/** Read models of the directory, as served over REST (and answered to queries). */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    /** {@code active}: false once deactivated (its members are refused, 403); contact*: the society office's. */
    public record SocietyView(UUID id, String name, String city, Instant createdAt, String timeZone, String address,
                              String state, String pincode, String contactName, String contactPhone,
                              String contactEmail, boolean active) {

        /** An active society without address or contact (as created). */
        public SocietyView(UUID id, String name, String city, Instant createdAt, String timeZone) {
            this(id, name, city, createdAt, timeZone, null, null, null, null, null, null, true);
        }
    }

    /** {@code floor}: null when not given. */
    public record FlatView(UUID id, UUID societyId, String block, String number, Instant createdAt, Integer floor) {

        public FlatView(UUID id, UUID societyId, String block, String number, Instant createdAt) {
            this(id, societyId, block, number, createdAt, null);
        }
    }

    /** A society in the platform's list, with its size and its active members. */
    public record SocietySummary(UUID id, String name, String city, String timeZone, boolean active,
                                 Instant createdAt, long totalFlats, long totalResidents, long totalGuards,
                                 long totalUsers) {
    }

    /** Today is the society's day (its time zone). */
    public record SocietyStats(UUID societyId, long totalFlats, long occupiedFlats, long totalBlocks,
                               long totalResidents, long totalGuards, long totalAdmins, long totalStaff,
                               java.time.LocalDate today, long todayEntries, long todayRequests,
                               long pendingRequests, long pendingOnboardingRequests) {
    }

    /**
     * {@code invited}: a family member invited by the flat's primary resident, not yet signed in (inactive
     * until then); {@code primaryResident}: the flat's first resident, who may invite family.
     */
    public record UserView(UUID id, String name, String phone, Role role, UUID societyId, UUID flatId,
                           boolean active, Instant createdAt, String email, String photoKey, boolean primaryResident,
                           FamilyRole familyRole, boolean invited, boolean erased) {
    }

    /** A society as onboarding lists it (active societies only), with its size. */
    public record SocietyListing(UUID id, String name, String city, long totalBlocks, long totalFlats) {
    }

    /** {@code floors}: as declared when the block was created in bulk, null for a block named only by its flats. */
    public record BlockListing(UUID id, String name, long totalFlats, Integer floors) {
    }

    /**
     * A flat as onboarding and guards see it: occupied when an active resident lives there; {@code hasOwner}
     * when an owner's request was approved for it or is under review (an owner may not apply then);
     * {@code primaryResidentName} only for guards and admins.
     */
    public record FlatListing(UUID id, String number, String block, UUID blockId, boolean occupied, boolean hasOwner,
                              String primaryResidentName, Integer floor) {
    }
}
