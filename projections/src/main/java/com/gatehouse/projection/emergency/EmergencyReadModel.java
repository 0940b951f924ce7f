package com.gatehouse.projection.emergency;

import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.emergency.EmergencyStatus;
import com.gatehouse.api.emergency.EmergencyType;
import com.gatehouse.api.emergency.EmergencyView;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
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

/** The emergency table: written by {@link EmergencyProjection}, read by the query side. */
@Repository
public class EmergencyReadModel {

    static final RowMapper<EmergencyView> EMERGENCY = (rs, i) -> new EmergencyView(rs.getObject("id", UUID.class),
            EmergencyType.valueOf(rs.getString("type")), EmergencyStatus.valueOf(rs.getString("status")),
            rs.getString("description"), rs.getString("location"), rs.getObject("reported_by_id", UUID.class),
            rs.getString("reporter_name"), rs.getObject("flat_id", UUID.class), rs.getString("block"),
            rs.getString("flat_number"), rs.getObject("society_id", UUID.class),
            rs.getObject("responded_by_id", UUID.class), rs.getString("responder_name"), instant(rs, "responded_at"),
            rs.getObject("resolved_by_id", UUID.class), instant(rs, "resolved_at"), rs.getString("notes"),
            rs.getInt("escalation_count") > 0, rs.getInt("escalation_count"), instant(rs, "escalated_at"),
            instant(rs, "created_at"), instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public EmergencyReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EmergencyView> find(UUID id) {
        return jdbc.query("select * from emergency where id = ?", EMERGENCY, id).stream().findFirst();
    }

    /** A society's emergencies, newest first, optionally of one status and type and created in [from, to). */
    public PageRequest.Slice<EmergencyView> list(UUID societyId, EmergencyStatus status, EmergencyType type,
                                                 Instant from, Instant to, PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("status = ?", status == null ? null : status.name())
                .and("type = ?", type == null ? null : type.name())
                .and("created_at >= ?", from)
                .and("created_at < ?", to);
        return Paging.slice(jdbc, "emergency", where, "created_at desc, id", EMERGENCY, page);
    }

    /** What one member reported, newest first. */
    public PageRequest.Slice<EmergencyView> reportedBy(UUID societyId, UUID reporter, PageRequest page) {
        return Paging.slice(jdbc, "emergency", Where.is("society_id", societyId).and("reported_by_id = ?", reporter),
                "created_at desc, id", EMERGENCY, page);
    }

    /** The ACTIVE emergencies of a society, newest first (a live feed's initial state, the {@code /active} list). */
    public List<EmergencyView> active(UUID societyId, int limit) {
        return Paging.first(jdbc, "emergency", Where.is("society_id", societyId).and("status = 'ACTIVE'"),
                "created_at desc, id", EMERGENCY, limit);
    }

    public PageRequest.Slice<EmergencyView> active(UUID societyId, PageRequest page) {
        return Paging.slice(jdbc, "emergency", Where.is("society_id", societyId).and("status = 'ACTIVE'"),
                "created_at desc, id", EMERGENCY, page);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** The society's emergencies still active. */
    public long activeCount(UUID societyId) {
        return jdbc.queryForObject("select count(*) from emergency where society_id = ? and status = 'ACTIVE'",
                Long.class, societyId);
    }
}
