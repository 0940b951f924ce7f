package com.gatehouse.command.upload;

import com.gatehouse.api.upload.UploadEvent.DocumentDeleted;
import com.gatehouse.api.upload.UploadEvent.DocumentExpired;
import com.gatehouse.api.upload.UploadEvent.UploadAbandoned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Removes an object from the store once its removal is decided (document deleted or expired, upload abandoned).
 * A side effect after the decision, so a confirmation that wins a race is never left without its file.
 * Failures propagate: the event is parked as a dead letter and retried with back-off until the store takes
 * the delete, other removals going on meanwhile (deleting a missing object succeeds, so retries are
 * harmless). Replays never delete again.
 */
@Component
@ProcessingGroup(ObjectRemoval.GROUP)
public class ObjectRemoval {

    public static final String GROUP = "upload-objects";

    private final ObjectStore store;

    public ObjectRemoval(ObjectStore store) {
        this.store = store;
    }

    @EventHandler
    @DisallowReplay
    void on(DocumentDeleted event) {
        store.delete(event.s3Key());
    }

    @EventHandler
    @DisallowReplay
    void on(DocumentExpired event) {
        store.delete(event.s3Key());
    }

    @EventHandler
    @DisallowReplay
    void on(UploadAbandoned event) {
        store.delete(event.s3Key());
    }
}
