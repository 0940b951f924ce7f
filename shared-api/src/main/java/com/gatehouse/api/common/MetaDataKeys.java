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

    /** Who acts: the metadata a command sent on behalf of {@code caller} carries (user, role, society). */
    public static java.util.Map<String, Object> of(Caller caller) {
        java.util.Map<String, Object> meta = new java.util.HashMap<>();
        meta.put(ACTOR_ID, caller.userId().toString());
        meta.put(ACTOR_ROLE, caller.role().name());
        if (caller.societyId() != null) {
            meta.put(SOCIETY_ID, caller.societyId().toString());
        }
        return meta;
    }
}
