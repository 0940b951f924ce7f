package com.gatehouse.projection.upload;

import com.gatehouse.api.upload.UploadEvent.DocumentDeleted;
import com.gatehouse.api.upload.UploadEvent.DocumentExpired;
import com.gatehouse.api.upload.UploadEvent.UploadAbandoned;
import com.gatehouse.api.upload.UploadEvent.UploadConfirmed;
import com.gatehouse.api.upload.UploadEvent.UploadUrlIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * Builds the uploads read model in the processor's transaction. Issued uploads are inserted if absent,
 * confirmation is an upsert guarded by the sequence number, deletion and abandonment remove the row: a
 * re-delivered event changes nothing. Callers waiting for their change (read-your-writes) are told by
 * {@link com.gatehouse.projection.common.ReadModelProgress}, with nothing to do here.
 */
@Component
@ProcessingGroup(UploadProjection.GROUP)
public class UploadProjection {

    public static final String GROUP = "uploads";

    private final JdbcTemplate jdbc;

    public UploadProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UploadUrlIssued event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into upload_document (id, society_id, s3_key, file_name, file_size, mime_type, purpose,
                                                     uploaded_by, issued_at, confirmed_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?) on conflict do nothing""",
                event.documentId().value(), event.societyId().value(), event.s3Key(), event.fileName(),
                event.fileSize(), event.mimeType(), event.purpose().name(), event.uploadedBy().value(),
                Timestamp.from(event.issuedAt()), version);
    }

    @EventHandler
    void on(UploadConfirmed event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into upload_document (id, society_id, s3_key, file_name, file_size, mime_type, purpose,
                                                     uploaded_by, issued_at, confirmed_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set confirmed_at = excluded.confirmed_at, version = excluded.version
                        where upload_document.version < excluded.version""",
                event.documentId().value(), event.societyId().value(), event.s3Key(), event.fileName(),
                event.fileSize(), event.mimeType(), event.purpose().name(), event.uploadedBy().value(),
                Timestamp.from(event.confirmedAt()), Timestamp.from(event.confirmedAt()), version);
    }

    @EventHandler
    void on(DocumentDeleted event) {
        jdbc.update("delete from upload_document where id = ?", event.documentId().value());
    }

    @EventHandler
    void on(DocumentExpired event) {
        jdbc.update("delete from upload_document where id = ?", event.documentId().value());
    }

    @EventHandler
    void on(UploadAbandoned event) {
        jdbc.update("delete from upload_document where id = ?", event.documentId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate upload_document");
    }
}
