package com.gatehouse.projection.staff;

import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.staff.StaffType;
import com.gatehouse.api.staff.StaffViews.AttendanceView;
import com.gatehouse.api.staff.StaffViews.StaffView;
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

/** The staff tables: written by {@link StaffProjection}, read by the query side. */
@Repository
public class StaffReadModel {

    static final RowMapper<StaffView> STAFF = (rs, i) -> new StaffView(rs.getObject("id", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getString("name"), rs.getString("phone"),
            StaffType.valueOf(rs.getString("staff_type")), rs.getString("photo_key"), uuids(rs, "flat_ids"),
            rs.getBoolean("active"), rs.getObject("current_attendance_id") != null,
            rs.getObject("current_attendance_id", UUID.class), instant(rs, "current_check_in_time"),
            rs.getInt("qr_version"), instant(rs, "created_at"), instant(rs, "updated_at"));

    static final RowMapper<AttendanceView> ATTENDANCE = (rs, i) -> new AttendanceView(rs.getObject("id", UUID.class),
            rs.getObject("staff_id", UUID.class), rs.getString("staff_name"),
            StaffType.valueOf(rs.getString("staff_type")), instant(rs, "check_in_time"), instant(rs, "check_out_time"),
            rs.getObject("duration_minutes", Long.class), rs.getObject("checked_in_by", UUID.class),
            rs.getObject("checked_out_by", UUID.class), rs.getObject("work_completed", Boolean.class),
            rs.getBoolean("auto_closed"));

    private final JdbcTemplate jdbc;

    public StaffReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StaffView> staff(UUID id) {
        return jdbc.query("select * from staff_member where id = ?", STAFF, id).stream().findFirst();
    }

    /**
     * Staff of a society, newest first; only those working for {@code flatId} when set, only those inside
     * when {@code inside} is true (then the latest check-in first), only (in)active ones when {@code active} is set.
     */
    public PageRequest.Slice<StaffView> staff(UUID societyId, UUID flatId, Boolean inside, Boolean active,
                                              PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("flat_ids @> array[?]::uuid[]", flatId)
                .and(inside, "current_attendance_id is not null", "current_attendance_id is null")
                .and("active = ?", active);
        String order = Boolean.TRUE.equals(inside) ? "current_check_in_time desc, id" : "created_at desc, id";
        return Paging.slice(jdbc, "staff_member", where, order, STAFF, page);
    }

    public Optional<AttendanceView> attendance(UUID id) {
        return jdbc.query("select * from staff_attendance where id = ?", ATTENDANCE, id).stream().findFirst();
    }

    /** The visit, with the flats it was for (to scope it to a resident). */
    public Optional<ScopedAttendance> scopedAttendance(UUID id) {
        return jdbc.query("select * from staff_attendance where id = ?", (rs, i) -> new ScopedAttendance(
                ATTENDANCE.mapRow(rs, i), rs.getObject("society_id", UUID.class), uuids(rs, "flat_ids")), id)
                .stream().findFirst();
    }

    /** A visit with what scopes it: its society and the flats that employed the staff member then. */
    public record ScopedAttendance(AttendanceView view, UUID societyId, List<UUID> flatIds) {
    }

    public Optional<AttendanceView> latestAttendance(UUID staffId) {
        return jdbc.query("select * from staff_attendance where staff_id = ? order by check_in_time desc, id limit 1",
                ATTENDANCE, staffId).stream().findFirst();
    }

    /**
     * A staff member's visits that began in {@code [from, to)} (either may be null), newest first; only the
     * visits made for {@code flatId} when set (what a resident of that flat may see).
     */
    public PageRequest.Slice<AttendanceView> attendanceOf(UUID staffId, UUID flatId, Instant from, Instant to,
                                                          PageRequest page) {
        var where = Where.is("staff_id", staffId)
                .and("flat_ids @> array[?]::uuid[]", flatId)
                .and("check_in_time >= ?", from)
                .and("check_in_time < ?", to);
        return Paging.slice(jdbc, "staff_attendance", where, "check_in_time desc, id", ATTENDANCE, page);
    }

    /** Visits still open (who is inside) in a society, or only of staff who came for {@code flatId} when set. */
    public List<AttendanceView> openAttendance(UUID societyId, UUID flatId) {
        if (flatId == null) {
            return jdbc.query("""
                    select * from staff_attendance where society_id = ? and check_out_time is null
                    order by check_in_time desc, id""", ATTENDANCE, societyId);
        }
        return jdbc.query("""
                select * from staff_attendance where society_id = ? and check_out_time is null
                and flat_ids @> array[?]::uuid[] order by check_in_time desc, id""", ATTENDANCE, societyId, flatId);
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
