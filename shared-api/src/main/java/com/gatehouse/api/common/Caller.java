package com.gatehouse.api.common;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated user behind a request, as the JWT says: the one place where role and
 * society/flat scoping are decided, for REST and RSocket alike.
 * <p>
 * Scoping never reveals that something of another society exists: every such check fails with
 * {@link Problem.Kind#NOT_FOUND}. A wrong role fails with {@link Problem.Kind#FORBIDDEN}.
 */
public record Caller(UUID userId, Role role, UUID societyId, UUID flatId) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    /** The server itself (bootstrap, seeding, deadlines): acts as the platform operator. */
    public static Caller system() {
        return new Caller(new UUID(0, 0), Role.SUPER_ADMIN, null, null);
    }

    /** The platform operator, or an auditor of the whole platform. */
    public boolean isPlatformWide() {
        return role == Role.SUPER_ADMIN || (role == Role.AUDITOR && societyId == null);
    }

    public boolean hasRole(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    /**
     * An applicant (no society yet) acts, for their own uploads, within the society they apply to; anyone
     * else stays who they are. The upload rules then let them act on what they uploaded and nothing else.
     */
    public Caller applyingTo(UUID society) {
        return role == Role.APPLICANT && societyId == null && society != null
                ? new Caller(userId, role, society, null) : this;
    }

    /** Refuses (403) unless the caller has one of the roles. */
    public Caller requireRole(Role... roles) {
        if (!hasRole(roles)) {
            throw Problem.forbidden("This needs the role " + String.join(" or ",
                    Arrays.stream(roles).map(Enum::name).toList()));
        }
        return this;
    }

    public boolean canSeeSociety(UUID society) {
        return isPlatformWide() || (society != null && society.equals(societyId));
    }

    /** Refuses (404, naming {@code what}) anything outside the caller's society. */
    public Caller requireSociety(UUID society, String what) {
        if (!canSeeSociety(society)) {
            throw Problem.notFound(what);
        }
        return this;
    }

    /**
     * The society the caller belongs to, for reads of "my society" and commands acting in it; refuses (404,
     * "Society") a caller of none (the platform operator, a platform-wide auditor).
     */
    public SocietyId ownSociety() {
        if (societyId == null) {
            throw Problem.notFound("Society");
        }
        return new SocietyId(societyId);
    }

    /** The flat the caller lives in; refuses (404, "Flat") a caller without one. */
    public FlatId ownFlat() {
        if (flatId == null) {
            throw Problem.notFound("Flat");
        }
        return new FlatId(flatId);
    }

    /**
     * The flat a resident acts for: their own (404, "Flat", without one); null for every other role, who act for
     * their whole society.
     */
    public FlatId actingFlat() {
        return role == Role.RESIDENT ? ownFlat() : null;
    }

    /**
     * The flat a list of the society is confined to: for a resident their own flat (asking for another flat, or
     * having none, is 404 "Flat"); for everyone else the filter as asked (null: the whole society).
     */
    public UUID flatScope(UUID requestedFlat) {
        if (role != Role.RESIDENT) {
            return requestedFlat;
        }
        if (flatId == null || (requestedFlat != null && !requestedFlat.equals(flatId))) {
            throw Problem.notFound("Flat");
        }
        return flatId;
    }

    /** Residents act only for their own flat; everyone else is confined by society alone. */
    public boolean canSeeFlat(UUID society, UUID flat) {
        if (!canSeeSociety(society)) {
            return false;
        }
        return role != Role.RESIDENT || (flat != null && flat.equals(flatId));
    }

    /** Refuses (404) a flat the caller may not act for. */
    public Caller requireFlat(UUID society, UUID flat, String what) {
        if (!canSeeFlat(society, flat)) {
            throw Problem.notFound(what);
        }
        return this;
    }
}
