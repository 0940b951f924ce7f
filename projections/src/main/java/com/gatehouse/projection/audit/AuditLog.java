package com.gatehouse.projection.audit;

import com.gatehouse.api.audit.AuditEvent;
import com.gatehouse.api.audit.AuditQuery.AuditFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the event history for auditors from the audit index (filtered by society, time, aggregate; it keeps
 * the payloads), in global order, a page at a time (keyset on the global index).
 */
@Repository
public class AuditLog {

    static final RowMapper<AuditEvent> EVENT = (rs, i) -> new AuditEvent(rs.getLong("global_index"),
            rs.getString("aggregate_type"), rs.getString("aggregate_id"),
            rs.getObject("sequence_number") == null ? null : rs.getLong("sequence_number"),
            rs.getString("event_type"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_id"),
            rs.getObject("society_id", UUID.class), rs.getString("payload"));

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} events matching the filter with a global index above {@code after}. */
    public List<AuditEvent> page(AuditFilter filter, long after, int limit) {
        var sql = new StringBuilder("""
                select i.* from audit_event_index i
                where i.global_index > ?""");
        List<Object> args = new ArrayList<>(List.of(after));
        if (filter.societyId() != null) {
            sql.append(" and i.society_id = ?");
            args.add(filter.societyId());
        }
        if (filter.aggregateId() != null) {
            sql.append(" and i.aggregate_id = ?");
            args.add(filter.aggregateId());
        }
        if (filter.aggregateType() != null) {
            sql.append(" and i.aggregate_type = ?");
            args.add(filter.aggregateType());
        }
        if (filter.from() != null) {
            sql.append(" and i.occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and i.occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by i.global_index limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), EVENT, args.toArray());
    }

    /** The highest global index the audit index has reached. */
    public long indexedUpTo() {
        Long max = jdbc.queryForObject("select max(global_index) from audit_event_index", Long.class);
        return max == null ? 0 : max;
    }
}
