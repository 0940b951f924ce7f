package com.gatehouse.projection.complaint;

import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.complaint.ComplaintCategory;
import com.gatehouse.api.complaint.ComplaintPriority;
import com.gatehouse.api.complaint.ComplaintStatus;
import com.gatehouse.api.complaint.ComplaintView;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The complaint table: written by {@link ComplaintProjection}, read by the query side. */
@Repository
public class ComplaintReadModel {

    static final RowMapper<ComplaintView> COMPLAINT = (rs, i) -> new ComplaintView(rs.getObject("id", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getObject("flat_id", UUID.class),
            rs.getObject("reporter_id", UUID.class), rs.getBoolean("anonymous"),
            ComplaintCategory.valueOf(rs.getString("category")), ComplaintPriority.valueOf(rs.getString("priority")),
            ComplaintStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("description"),
            uuids(rs, "images"), rs.getString("location"), rs.getObject("assigned_to_id", UUID.class),
            instant(rs, "assigned_at"), rs.getObject("resolved_by_id", UUID.class), instant(rs, "resolved_at"),
            rs.getString("resolution"), rs.getString("rejection_reason"), rs.getInt("reopen_count"),
            instant(rs, "created_at"), instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public ComplaintReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ComplaintView> complaint(UUID id) {
        return jdbc.query("select * from complaint where id = ?", COMPLAINT, id).stream().findFirst();
    }

    /** What a list may be narrowed to; null fields do not filter. {@code reporterId}: only that user's complaints. */
    public record Filter(UUID reporterId, UUID assignedToId, ComplaintCategory category, ComplaintStatus status,
                         ComplaintPriority priority, boolean byPriority) {
    }

    /** A society's complaints, newest first (or the most urgent first, then newest, with {@code byPriority}). */
    public PageRequest.Slice<ComplaintView> complaints(UUID societyId, Filter filter, PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("reporter_id = ?", filter.reporterId())
                .and("assigned_to_id = ?", filter.assignedToId())
                .and("category = ?", filter.category() == null ? null : filter.category().name())
                .and("status = ?", filter.status() == null ? null : filter.status().name())
                .and("priority = ?", filter.priority() == null ? null : filter.priority().name());
        String order = filter.byPriority() ? "priority_rank desc, created_at desc, id" : "created_at desc, id";
        return Paging.slice(jdbc, "complaint", where, order, COMPLAINT, page);
    }

    static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        var array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        var ids = new ArrayList<UUID>();
        for (Object value : (Object[]) array.getArray()) {
            ids.add(value instanceof UUID uuid ? uuid : UUID.fromString(String.valueOf(value)));
        }
        return List.copyOf(ids);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
