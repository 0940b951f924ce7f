package com.gatehouse.projection.staff;

import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedOut;
import com.gatehouse.api.staff.StaffEvent.StaffAssignedToFlat;
import com.gatehouse.api.staff.StaffEvent.StaffCardRotated;
import com.gatehouse.api.staff.StaffEvent.StaffDeactivated;
import com.gatehouse.api.staff.StaffEvent.StaffRegistered;
import com.gatehouse.api.staff.StaffEvent.StaffUnassignedFromFlat;
import com.gatehouse.api.staff.StaffEvent.StaffUpdated;
import com.gatehouse.api.staff.StaffViews.AttendanceView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds the staff read model: staff members (with "currently inside") and their visits. Runs in the
 * processor's transaction (JDBC). Changes to a staff member's row are guarded by the aggregate sequence
 * number; visits are inserted if absent and closed only while open: a re-delivered event changes nothing.
 * Emits subscription updates for the REST "answer once visible" waits and the live attendance stream.
 */
@Component
@ProcessingGroup(StaffProjection.GROUP)
public class StaffProjection {

    public static final String GROUP = "staff";
    /** Every check-in and check-out, keyed by {@link LiveFeed#society} and {@link LiveFeed#flat} (each flat served). */
    public static final LiveFeed<AttendanceView> ATTENDANCE = LiveFeed.of("staff-attendance", AttendanceView.class);

    private final JdbcTemplate jdbc;
    private final StaffReadModel readModel;
    private final LiveFeeds live;

    public StaffProjection(JdbcTemplate jdbc, StaffReadModel readModel, LiveFeeds live) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.live = live;
    }

    @EventHandler
    void on(StaffRegistered event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into staff_member (id, society_id, name, phone, staff_type, photo_key, flat_ids, active,
                            qr_version, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, cast(? as uuid[]), true, ?, ?, ?, ?) on conflict do nothing""",
                event.staffId().value(), event.societyId().value(), event.name(), event.phone(),
                event.staffType().name(), event.photoKey(), ids(event.flatIds()), event.cardVersion(),
                ts(event.registeredAt()), ts(event.registeredAt()), version);
    }

    @EventHandler
    void on(StaffUpdated event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set name = ?, phone = ?, staff_type = ?, photo_key = ?, updated_at = ?,
                            version = ? where id = ? and version < ?""",
                event.name(), event.phone(), event.staffType().name(), event.photoKey(), ts(event.updatedAt()), version,
                event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffAssignedToFlat event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set flat_ids = array_append(array_remove(flat_ids, ?), ?), updated_at = ?,
                            version = ? where id = ? and version < ?""",
                event.flatId().value(), event.flatId().value(), ts(event.assignedAt()), version,
                event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffUnassignedFromFlat event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set flat_ids = array_remove(flat_ids, ?), updated_at = ?, version = ?
                        where id = ? and version < ?""",
                event.flatId().value(), ts(event.unassignedAt()), version, event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffDeactivated event, @SequenceNumber long version) {
        jdbc.update("update staff_member set active = false, updated_at = ?, version = ? where id = ? and version < ?",
                ts(event.deactivatedAt()), version, event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffCardRotated event, @SequenceNumber long version) {
        jdbc.update("update staff_member set qr_version = ?, updated_at = ?, version = ? where id = ? and version < ?",
                event.cardVersion(), ts(event.rotatedAt()), version, event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffCheckedIn event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set current_attendance_id = ?, current_check_in_time = ?, version = ?
                        where id = ? and version < ?""",
                event.attendanceId().value(), ts(event.checkInTime()), version, event.staffId().value(), version);
        jdbc.update("""
                        insert into staff_attendance (id, staff_id, society_id, staff_name, staff_type, flat_ids,
                            check_in_time, checked_in_by)
                        values (?, ?, ?, ?, ?, cast(? as uuid[]), ?, ?) on conflict do nothing""",
                event.attendanceId().value(), event.staffId().value(), event.societyId().value(), event.staffName(),
                event.staffType().name(), ids(event.flatIds()), ts(event.checkInTime()),
                event.guardId() == null ? null : event.guardId().value());
        emitAttendance(event.attendanceId().value(), event.staffId().value(), event.societyId().value(),
                event.flatIds());
    }

    @EventHandler
    void on(StaffCheckedOut event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set current_attendance_id = null, current_check_in_time = null, version = ?
                        where id = ? and version < ?""", version, event.staffId().value(), version);
        jdbc.update("""
                        update staff_attendance set check_out_time = ?, duration_minutes = ?, checked_out_by = ?,
                            work_completed = ?, auto_closed = ?
                        where id = ? and check_out_time is null""",
                ts(event.checkOutTime()), event.durationMinutes(),
                event.guardId() == null ? null : event.guardId().value(), event.workCompleted(), event.autoClosed(),
                event.attendanceId().value());
        emitAttendance(event.attendanceId().value(), event.staffId().value(), event.societyId().value(),
                event.flatIds());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate staff_member, staff_attendance");
    }

    /** Sends the visit as it is now to the live feeds of its society and of each flat the staff member works for. */
    private void emitAttendance(UUID attendanceId, UUID staffId, UUID societyId, List<FlatId> flats) {
        readModel.attendance(attendanceId).ifPresent(view -> {
            String[] keys = new String[flats.size() + 1];
            keys[0] = LiveFeed.society(societyId);
            for (int i = 0; i < flats.size(); i++) {
                keys[i + 1] = LiveFeed.flat(flats.get(i).value());
            }
            live.publish(ATTENDANCE, view, keys);
        });
    }

    private static String[] ids(List<FlatId> flats) {
        return flats.stream().map(FlatId::toString).toArray(String[]::new);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
