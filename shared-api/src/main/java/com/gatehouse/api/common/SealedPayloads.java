package com.gatehouse.api.common;

/**
 * Opens the sealed {@link PersonalData} fields of a stored event payload (JSON as the event store keeps it) for
 * people allowed to read the history (the audit trail). A field whose subject was erased reads {@code null}, and
 * the payload lists such fields (dotted paths) under {@value #ERASED}. Implemented by the server, next to the
 * event serializer that seals them.
 */
public interface SealedPayloads {

    /** The payload's member listing the fields that read as erased; absent when none did. */
    String ERASED = "$erased";

    String open(String payloadJson);
}
