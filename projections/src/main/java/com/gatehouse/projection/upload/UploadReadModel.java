package com.gatehouse.projection.upload;

import com.gatehouse.api.upload.UploadPurpose;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The uploads table: written by {@link UploadProjection}, read by the query side. */
@Repository
public class UploadReadModel {

    static final RowMapper<DocumentView> DOCUMENT = (rs, i) -> new DocumentView(rs.getObject("id", UUID.class),
            rs.getString("s3_key"), rs.getString("file_name"), rs.getLong("file_size"), rs.getString("mime_type"),
            UploadPurpose.valueOf(rs.getString("purpose")), rs.getObject("uploaded_by", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getTimestamp("confirmed_at").toInstant());

    private final JdbcTemplate jdbc;

    public UploadReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A confirmed document. */
    public Optional<DocumentView> document(UUID id) {
        return jdbc.query("select * from upload_document where id = ? and confirmed_at is not null", DOCUMENT, id)
                .stream().findFirst();
    }

    /** The confirmed document stored under a key. */
    public Optional<DocumentView> documentByKey(String s3Key) {
        return jdbc.query("select * from upload_document where s3_key = ? and confirmed_at is not null", DOCUMENT,
                s3Key).stream().findFirst();
    }

    /** Uploads issued before the instant and never confirmed, oldest first. */
    public List<UUID> unconfirmed(Instant issuedBefore, int limit) {
        return jdbc.query("""
                        select id from upload_document where confirmed_at is null and issued_at < ?
                        order by issued_at limit ?""", (rs, i) -> rs.getObject(1, UUID.class),
                Timestamp.from(issuedBefore), limit);
    }
}
