package com.gatehouse.projection.upload;

import com.gatehouse.projection.common.Subscribers;
import com.gatehouse.api.upload.UploadEvent.DocumentDeleted;
import com.gatehouse.api.upload.UploadEvent.UploadAbandoned;
import com.gatehouse.api.upload.UploadEvent.UploadConfirmed;
import com.gatehouse.api.upload.UploadEvent.UploadUrlIssued;
import com.gatehouse.api.upload.UploadQuery.FindDocument;
import com.gatehouse.api.upload.UploadQuery.FindDocumentByKey;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * Builds the uploads read model in the processor's transaction. Issued uploads are inserted if absent,
 * confirmation is an upsert guarded by the sequence number, deletion and abandonment remove the row: a
 * re-delivered event changes nothing. Confirmations are emitted to {@link FindDocument} and
 * {@link FindDocumentByKey} subscribers.
 */
@Component
@ProcessingGroup(UploadProjection.GROUP)
public class UploadProjection {

    public static final String GROUP = "uploads";

    private final JdbcTemplate jdbc;
    private final UploadReadModel readModel;
    private final QueryUpdateEmitter emitter;

    public UploadProjection(JdbcTemplate jdbc, UploadReadModel readModel, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.emitter = emitter;
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
        UUID id = event.documentId().value();
        if (!Subscribers.waitingFor(emitter, FindDocument.class, FindDocumentByKey.class)) {
            return;
        }
        readModel.document(id).ifPresent(view -> {
            emitter.emit(FindDocument.class, q -> q.documentId().equals(id), view);
            emitter.emit(FindDocumentByKey.class, q -> q.s3Key().equals(view.s3Key()), view);
        });
    }

    @EventHandler
    void on(DocumentDeleted event) {
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
