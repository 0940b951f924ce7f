package com.gatehouse.projection.complaint;

import java.util.Map;
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
            instant(rs, "created_at"), instant(rs, "updated_at"), rs.getBoolean("erased"));

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

    /** The society's complaints still open (OPEN or IN_PROGRESS), whenever filed. */
    public long openCount(UUID societyId) {
        String open = java.util.Arrays.stream(ComplaintStatus.values()).filter(ComplaintStatus::isOpen)
                .map(status -> "'" + status.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        return jdbc.queryForObject("select count(*) from complaint where society_id = ? and status in (" + open + ")",
                Long.class, societyId);
    }

    /** Counts of the complaints filed within [from, to). */
    public record Counts(long total, Map<String, Long> byCategory, Map<String, Long> byStatus,
                         Map<String, Long> byPriority, long open, long resolved, Double avgResolutionHours) {
    }

    /** The complaints filed within [from, to), counted by category, status and priority (zeros included). */
    public Counts counts(UUID societyId, Instant from, Instant to) {
        Map<String, Long> byCategory = zeros(ComplaintCategory.values());
        Map<String, Long> byStatus = zeros(ComplaintStatus.values());
        Map<String, Long> byPriority = zeros(ComplaintPriority.values());
        long[] totals = new long[3];
        double[] hours = new double[1];
        jdbc.query("""
                        select category, status, priority, count(*) as n,
                            count(first_resolved_at) as resolved,
                            coalesce(sum(extract(epoch from first_resolved_at - created_at)), 0) as seconds
                        from complaint where society_id = ? and created_at >= ? and created_at < ?
                        group by category, status, priority""",
                rs -> {
                    long n = rs.getLong("n");
                    byCategory.merge(rs.getString("category"), n, Long::sum);
                    byStatus.merge(rs.getString("status"), n, Long::sum);
                    byPriority.merge(rs.getString("priority"), n, Long::sum);
                    totals[0] += n;
                    totals[1] += rs.getLong("resolved");
                    if (ComplaintStatus.valueOf(rs.getString("status")).isOpen()) {
                        totals[2] += n;
                    }
                    hours[0] += rs.getDouble("seconds") / 3600.0;
                }, societyId, Timestamp.from(from), Timestamp.from(to));
        Double average = totals[1] == 0 ? null : Math.round(hours[0] * 100.0 / totals[1]) / 100.0;
        return new Counts(totals[0], byCategory, byStatus, byPriority, totals[2], totals[1], average);
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Enum<?> value : values) {
            counts.put(value.name(), 0L);
        }
        return counts;
    }
}
