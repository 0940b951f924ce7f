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
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
