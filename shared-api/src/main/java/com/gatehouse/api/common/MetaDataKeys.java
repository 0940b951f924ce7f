package com.gatehouse.api.common;

/** Keys of the metadata every command carries and every event inherits (audit and replay rely on them). */
public final class MetaDataKeys {
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String SOCIETY_ID = "societyId";
    /** The id of the first message of a chain (a user's request). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private MetaDataKeys() {
    }
}
