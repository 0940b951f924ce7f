package com.gatehouse.projection.gatepass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.gatepass.GatePassStatus;
import com.gatehouse.api.gatepass.GatePassType;
import com.gatehouse.api.gatepass.GatePassView;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.instant;

/** The gate-pass table: written by {@link GatePassProjection}, read by the query side. */
@Repository
public class GatePassReadModel {

    static final ObjectMapper JSON = new ObjectMapper();

    static final RowMapper<GatePassView> VIEW = (rs, i) -> new GatePassView(rs.getObject("id", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getObject("flat_id", UUID.class),
            rs.getObject("requested_by_id", UUID.class), GatePassType.valueOf(rs.getString("type")),
            GatePassStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("description"),
            instant(rs, "valid_from"), instant(rs, "valid_until"), rs.getString("vehicle_number"),
            rs.getString("driver_name"), rs.getString("driver_phone"),
            read(rs.getString("items"), new TypeReference<List<String>>() { }), rs.getString("worker_name"),
            rs.getString("worker_phone"), rs.getString("company_name"),
            read(rs.getString("attachments"), new TypeReference<List<UUID>>() { }),
            rs.getObject("approved_by_id", UUID.class), instant(rs, "approved_at"), rs.getString("rejection_reason"),
            rs.getTimestamp("used_at") != null, instant(rs, "used_at"), rs.getObject("used_by_guard_id", UUID.class),
            instant(rs, "ended_at"), instant(rs, "created_at"), rs.getBoolean("erased"));

    private final JdbcTemplate jdbc;

    public GatePassReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<GatePassView> find(UUID id) {
        return jdbc.query("select * from gate_pass where id = ?", VIEW, id).stream().findFirst();
    }

    /** Passes of a society, optionally of one flat, status and type, newest first. */
    public PageRequest.Slice<GatePassView> list(UUID societyId, UUID flatId, GatePassStatus status, GatePassType type,
                                               PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("flat_id = ?", flatId)
                .and("status = ?", status == null ? null : status.name())
                .and("type = ?", type == null ? null : type.name());
        return Paging.slice(jdbc, "gate_pass", where, "created_at desc, id", VIEW, page);
    }

    /** The society's approved passes valid at some time in [from, to), soonest first: the gate's day. */
    public List<GatePassView> approvedBetween(UUID societyId, Instant from, Instant to, int limit) {
        return Paging.first(jdbc, "gate_pass", Where.is("society_id", societyId).and("status = 'APPROVED'")
                .and("valid_from < ?", to).and("valid_until > ?", from), "valid_from, id", VIEW, limit);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("gate_pass: unreadable JSON " + json, e);
        }
    }

    /** The society's gate passes approved and still valid at {@code now}. */
    public long activeCount(UUID societyId, Instant now) {
        return jdbc.queryForObject("""
                select count(*) from gate_pass where society_id = ? and status = 'APPROVED' and valid_until > ?""",
                Long.class, societyId, java.sql.Timestamp.from(now));
    }
}
