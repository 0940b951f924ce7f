package com.gatehouse.projection.staff;

import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.staff.StaffAvailability;
import com.gatehouse.api.staff.StaffBookingStatus;
import com.gatehouse.api.staff.StaffProfile;
import com.gatehouse.api.staff.StaffType;
import com.gatehouse.api.staff.StaffViews.StaffBookingView;
import com.gatehouse.api.staff.StaffViews.StaffReviewView;
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
            rs.getInt("qr_version"), instant(rs, "created_at"), instant(rs, "updated_at"),
            new StaffProfile(strings(rs, "languages"), rs.getObject("experience_years", Integer.class),
                    rs.getString("id_proof_type"), rs.getString("id_proof_number"), rs.getString("address"),
                    rs.getString("emergency_contact_name"), rs.getString("emergency_contact_phone"),
                    rs.getString("description")),
            rs.getBoolean("verified"), instant(rs, "verified_at"), rs.getObject("verified_by", UUID.class),
            !rs.getBoolean("active") ? StaffAvailability.INACTIVE
                    : rs.getObject("current_attendance_id") != null ? StaffAvailability.BUSY
                    : StaffAvailability.valueOf(rs.getString("availability")),
            rs.getBigDecimal("rating") == null ? null : rs.getBigDecimal("rating").doubleValue(),
            rs.getInt("review_count"), rs.getBoolean("erased"));

    static final RowMapper<StaffBookingView> BOOKING = (rs, i) -> new StaffBookingView(rs.getObject("id", UUID.class),
            rs.getObject("staff_id", UUID.class), rs.getString("staff_name"), rs.getObject("society_id", UUID.class),
            rs.getObject("flat_id", UUID.class), rs.getObject("booked_by", UUID.class),
            rs.getObject("booking_date", java.time.LocalDate.class), rs.getObject("start_time", java.time.LocalTime.class),
            rs.getObject("end_time", java.time.LocalTime.class), rs.getString("work_type"), rs.getString("requirements"),
            StaffBookingStatus.valueOf(rs.getString("status")), rs.getObject("decided_by", UUID.class),
            instant(rs, "decided_at"), rs.getString("rejection_reason"), rs.getObject("actual_minutes", Integer.class),
            rs.getBigDecimal("final_cost"), instant(rs, "created_at"), instant(rs, "updated_at"));

    static final RowMapper<StaffReviewView> REVIEW = (rs, i) -> new StaffReviewView(rs.getObject("id", UUID.class),
            rs.getObject("staff_id", UUID.class), rs.getObject("reviewer_id", UUID.class),
            rs.getObject("reviewer_flat", UUID.class), rs.getString("month"), rs.getInt("rating"),
            rs.getObject("quality", Integer.class), rs.getObject("punctuality", Integer.class),
            rs.getObject("behaviour", Integer.class), rs.getString("comment"), rs.getBoolean("hidden"),
            rs.getString("hidden_reason"), instant(rs, "created_at"));

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
        return staff(new StaffFilter(societyId, flatId, inside, active, null, null, null, null), page);
    }

    /**
     * The filters of the staff list; null means "any". {@code search}: part of the name (any case) or of the
     * phone number's digits.
     */
    public record StaffFilter(UUID societyId, UUID flatId, Boolean inside, Boolean active, StaffType type,
                              StaffAvailability availability, Boolean verified, String search) {
    }

    /**
     * Staff of a society, newest first (with {@code inside=true}: the latest check-in first), filtered.
     * Availability filters on what the view shows (INACTIVE: deactivated; BUSY: checked in).
     */
    public PageRequest.Slice<StaffView> staff(StaffFilter filter, PageRequest page) {
        var where = Where.is("society_id", filter.societyId())
                .and("flat_ids @> array[?]::uuid[]", filter.flatId())
                .and(filter.inside(), "current_attendance_id is not null", "current_attendance_id is null")
                .and("active = ?", filter.active())
                .and("staff_type = ?", filter.type() == null ? null : filter.type().name())
                .and("verified = ?", filter.verified());
        if (filter.availability() != null) {
            switch (filter.availability()) {
                case INACTIVE -> where.and("not active");
                case BUSY -> where.and("active and current_attendance_id is not null");
                default -> where.and("active and current_attendance_id is null and availability = ?",
                        filter.availability().name());
            }
        }
        String search = filter.search() == null || filter.search().isBlank() ? null : filter.search().strip();
        if (search != null) {
            String digits = search.replaceAll("[^0-9]", "");
            where.and("(lower(name) like ? escape '\\'" + (digits.length() >= 3 ? " or phone like '%' || ? || '%'" : "") + ")",
                    "%" + search.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                            .replace("_", "\\_") + "%");
            if (digits.length() >= 3) {
                where.andValue(digits);
            }
        }
        String order = Boolean.TRUE.equals(filter.inside()) ? "current_check_in_time desc, id" : "created_at desc, id";
        return Paging.slice(jdbc, "staff_member", where, order, STAFF, page);
    }

    public Optional<StaffBookingView> booking(UUID id) {
        return jdbc.query("select * from staff_booking where id = ?", BOOKING, id).stream().findFirst();
    }

    /** Bookings of a society, soonest first; narrowed by staff member, flat, status and a range of start times. */
    public PageRequest.Slice<StaffBookingView> bookings(UUID societyId, UUID staffId, UUID flatId,
                                                        StaffBookingStatus status, Instant from, Instant to,
                                                        PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("staff_id = ?", staffId)
                .and("flat_id = ?", flatId)
                .and("status = ?", status == null ? null : status.name())
                .and("starts_at >= ?", from)
                .and("starts_at < ?", to);
        return Paging.slice(jdbc, "staff_booking", where, "starts_at, id", BOOKING, page);
    }

    /** Active staff of a society who are AVAILABLE (or BUSY now) and hold no slot overlapping [startsAt, endsAt). */
    public List<StaffView> availableFor(UUID societyId, StaffType type, Instant startsAt, Instant endsAt) {
        return jdbc.query("""
                select * from staff_member m
                where m.society_id = ? and m.active and m.availability = 'AVAILABLE'
                  and (cast(? as text) is null or m.staff_type = ?)
                  and not exists (select 1 from staff_booking b where b.staff_id = m.id
                                  and b.status in ('PENDING', 'CONFIRMED')
                                  and b.starts_at < ? and ? < b.ends_at)
                order by m.verified desc, m.rating desc nulls last, lower(m.name), m.id
                limit 200""", STAFF, societyId, type == null ? null : type.name(), type == null ? null : type.name(),
                java.sql.Timestamp.from(endsAt), java.sql.Timestamp.from(startsAt));
    }

    public Optional<StaffReviewView> review(UUID id) {
        return jdbc.query("select * from staff_review where id = ?", REVIEW, id).stream().findFirst();
    }

    /** Reviews of a staff member, newest first; hidden ones only when {@code withHidden}. */
    public PageRequest.Slice<StaffReviewView> reviews(UUID staffId, boolean withHidden, PageRequest page) {
        var where = Where.is("staff_id", staffId).and(withHidden ? null : Boolean.TRUE, "not hidden", "true");
        return Paging.slice(jdbc, "staff_review", where, "created_at desc, id", REVIEW, page);
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

    /**
     * The society's visits that began in {@code [from, to)}, newest first, narrowed by staff member and by a flat
     * they came for (the guards' and admins' attendance log).
     */
    public PageRequest.Slice<AttendanceView> societyAttendance(UUID societyId, UUID staffId, UUID flatId, Instant from,
                                                               Instant to, PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("staff_id = ?", staffId)
                .and("flat_ids @> array[?]::uuid[]", flatId)
                .and("check_in_time >= ?", from)
                .and("check_in_time < ?", to);
        return Paging.slice(jdbc, "staff_attendance", where, "check_in_time desc, id", ATTENDANCE, page);
    }

    /** Who came for a flat in {@code [from, to)}: per staff member, visits and the minutes of closed visits. */
    public record FlatVisitor(UUID staffId, String staffName, StaffType staffType, long visits, double totalHours,
                              Instant lastCheckIn) {
    }

    public List<FlatVisitor> visitorsOfFlat(UUID flatId, Instant from, Instant to) {
        return jdbc.query("""
                        select staff_id, (array_agg(staff_name order by check_in_time desc))[1] as name,
                               (array_agg(staff_type order by check_in_time desc))[1] as staff_type,
                               count(*) as visits, coalesce(sum(duration_minutes), 0) as minutes,
                               max(check_in_time) as last_check_in
                        from staff_attendance
                        where flat_ids @> array[?]::uuid[] and check_in_time >= ? and check_in_time < ?
                        group by staff_id order by minutes desc, name""",
                (rs, i) -> new FlatVisitor(rs.getObject("staff_id", UUID.class), rs.getString("name"),
                        StaffType.valueOf(rs.getString("staff_type")), rs.getLong("visits"),
                        Math.round(rs.getLong("minutes") / 60.0 * 100) / 100.0, instant(rs, "last_check_in")),
                flatId, Timestamp.from(from), Timestamp.from(to));
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

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        var array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        var values = new ArrayList<String>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(String.valueOf(value));
        }
        return List.copyOf(values);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
