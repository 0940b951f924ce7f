package com.gatehouse.api.common;

/** Who a user is on the platform. Carried in the JWT claim {@code role}. */
public enum Role {
    /** Runs the platform: creates societies and their first admins. */
    SUPER_ADMIN,
    /** Runs one society. */
    ADMIN,
    /** Works the gate of one society. */
    GUARD,
    /** Lives in one flat of one society; several residents share a flat. */
    RESIDENT,
    /** Reads history: of one society, or of the platform when no society is set. */
    AUDITOR,
    /**
     * Signed in by a one-time code on their phone, onboarding not yet approved: belongs to no society and
     * may call only the onboarding, profile and upload endpoints (ONBOARDING_DOCUMENT, for the society they
     * apply to). Approval makes them a RESIDENT.
     */
    APPLICANT;

    public String authority() {
        return "ROLE_" + name();
    }
}
