package com.gatehouse.projection.entry;

import com.gatehouse.projection.common.Rows;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.entry.EntryRequestStatus;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.entry.EntryViews.ResidentToCall;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.api.entry.ProviderTag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The entry-request table: written by {@link EntryRequestProjection}, read by the query side. */
@Repository
public class EntryRequestReadModel {

    private final RowMapper<EntryRequestView> REQUEST = (rs, i) -> new EntryRequestView(rs.getObject("id", UUID.class),
            EntryType.valueOf(rs.getString("type")), EntryRequestStatus.valueOf(rs.getString("status")),
            rs.getString("visitor_name"), rs.getString("visitor_phone"),
            enumOrNull(ProviderTag.class, rs.getString("provider_tag")), rs.getString("photo_key"),
            rs.getObject("flat_id", UUID.class), rs.getObject("society_id", UUID.class),
            rs.getObject("guard_id", UUID.class), rs.getObject("approved_by_id", UUID.class),
            instant(rs, "approved_at"), instant(rs, "rejected_at"), rs.getString("rejection_reason"),
            instant(rs, "expires_at"), rs.getObject("entry_id", UUID.class), instant(rs, "created_at"),
            rs.getInt("phones_reached"), rs.getTimestamp("opened_at") != null, instant(rs, "opened_at"),
            rs.getBoolean("erased"), instant(rs, "photo_deleted_at"), instant(rs, "reminded_at"),
            instant(rs, "guard_alerted_at"),
            rs.getTimestamp("guard_alerted_at") != null && "PENDING".equals(rs.getString("status"))
                    ? residentsToCall(rs.getObject("flat_id", UUID.class)) : List.of());

    private final JdbcTemplate jdbc;
    private final DirectoryReadModel directory;

    public EntryRequestReadModel(JdbcTemplate jdbc, DirectoryReadModel directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * The flat's active residents as the directory knows them now (a number changed or erased since the alert shows
     * as it is now; nothing of it is copied into the request's row).
     */
    private List<ResidentToCall> residentsToCall(UUID flat) {
        return directory.activeResidentsOfFlat(flat).stream()
                .map(user -> new ResidentToCall(user.id(), user.name(), user.phone()))
                .sorted(java.util.Comparator.comparing(ResidentToCall::name, java.util.Comparator.nullsLast(
                        java.util.Comparator.naturalOrder())).thenComparing(ResidentToCall::userId))
                .toList();
    }

    public Optional<EntryRequestView> find(UUID id) {
        return jdbc.query("select * from entry_request where id = ?", REQUEST, id).stream().findFirst();
    }

    /** Requests of a society, optionally of one flat and one status, newest first. */
    public PageRequest.Slice<EntryRequestView> list(UUID societyId, UUID flatId, EntryRequestStatus status,
                                                   PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("flat_id = ?", flatId)
                .and("status = ?", status == null ? null : status.name());
        return Paging.slice(jdbc, "entry_request", where, "created_at desc, id", REQUEST, page);
    }

    /** The pending requests of a society (or of one flat), newest first: a live feed's initial state. */
    public List<EntryRequestView> pending(UUID societyId, UUID flatId, int limit) {
        return Paging.first(jdbc, "entry_request",
                Where.is("society_id", societyId).and("flat_id = ?", flatId).and("status = 'PENDING'"),
                "created_at desc, id", REQUEST, limit);
    }

    /** The flats whose requests show a photo (their residents may view it). */
    public List<UUID> flatsShowingPhoto(String photoKey) {
        return jdbc.queryForList("select distinct flat_id from entry_request where photo_key = ?", UUID.class, photoKey);
    }

    /** The requests that show a photo. */
    public List<UUID> requestsShowingPhoto(String photoKey) {
        return jdbc.queryForList("select id from entry_request where photo_key = ?", UUID.class, photoKey);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Rows.instant(rs, column);
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return Rows.enumOrNull(type, value);
    }

    /** How many requests a guard raised that still wait for the flat (pending and not yet past their expiry). */
    public long pendingOfGuard(UUID guardId, Instant now) {
        return jdbc.queryForObject("""
                select count(*) from entry_request where guard_id = ? and status = 'PENDING' and expires_at > ?""",
                Long.class, guardId, Timestamp.from(now));
    }

    /** A society's requests raised within [from, to), counted by status. */
    public java.util.Map<String, Long> countsByStatus(UUID societyId, Instant from, Instant to) {
        var counts = new java.util.TreeMap<String, Long>();
        for (EntryRequestStatus status : EntryRequestStatus.values()) {
            counts.put(status.name(), 0L);
        }
        jdbc.query("""
                        select status, count(*) as n from entry_request
                        where society_id = ? and created_at >= ? and created_at < ? group by status""",
                rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                }, societyId, Timestamp.from(from), Timestamp.from(to));
        return counts;
    }

    /** How many of the society's requests wait for their flat now (pending and not yet past their expiry). */
    public long pendingInSociety(UUID societyId, Instant now) {
        return jdbc.queryForObject("""
                select count(*) from entry_request where society_id = ? and status = 'PENDING' and expires_at > ?""",
                Long.class, societyId, Timestamp.from(now));
    }
}
