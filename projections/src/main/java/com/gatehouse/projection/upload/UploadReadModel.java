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

    /**
     * Confirmed documents of a purpose confirmed before the instant (of one society, or all but {@code except} with
     * null), oldest first, after the (confirmed at, id) cursor when given.
     */
    public List<DocumentView> confirmedBefore(UploadPurpose purpose, UUID society, List<UUID> except, Instant before,
                                              Instant afterConfirmedAt, UUID afterId, int limit) {
        Timestamp after = afterConfirmedAt == null ? null : Timestamp.from(afterConfirmedAt);
        String excluded = "{" + String.join(",", except.stream().map(UUID::toString).toList()) + "}";
        return jdbc.query("""
                        select * from upload_document
                        where purpose = ? and confirmed_at is not null and confirmed_at < ?
                          and (?::uuid is null or society_id = ?) and not (society_id = any(?::uuid[]))
                          and (?::timestamptz is null or (confirmed_at, id) > (?::timestamptz, ?::uuid))
                        order by confirmed_at, id limit ?""", DOCUMENT,
                purpose.name(), Timestamp.from(before), society, society, excluded, after, after, afterId, limit);
    }

    /** Uploads issued before the instant and never confirmed, oldest first. */
    public List<UUID> unconfirmed(Instant issuedBefore, int limit) {
        return jdbc.query("""
                        select id from upload_document where confirmed_at is null and issued_at < ?
                        order by issued_at limit ?""", (rs, i) -> rs.getObject(1, UUID.class),
                Timestamp.from(issuedBefore), limit);
    }
}
