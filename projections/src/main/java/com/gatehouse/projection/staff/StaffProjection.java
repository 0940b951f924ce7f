package com.gatehouse.projection.staff;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.projection.common.Subscribers;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedOut;
import com.gatehouse.api.staff.StaffEvent.StaffAssignedToFlat;
import com.gatehouse.api.staff.StaffEvent.StaffCardRotated;
import com.gatehouse.api.staff.StaffEvent.StaffDeactivated;
import com.gatehouse.api.staff.StaffEvent.StaffRegistered;
import com.gatehouse.api.staff.StaffEvent.StaffUnassignedFromFlat;
import com.gatehouse.api.staff.StaffEvent.StaffUpdated;
import com.gatehouse.api.staff.StaffQuery.FindAttendance;
import com.gatehouse.api.staff.StaffQuery.FindLatestAttendanceOfStaff;
import com.gatehouse.api.staff.StaffQuery.FindStaff;
import com.gatehouse.api.staff.StaffQuery.WatchAttendance;
import com.gatehouse.api.staff.StaffViews.AttendanceView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
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

    private final JdbcTemplate jdbc;
    private final StaffReadModel readModel;
    private final QueryUpdateEmitter emitter;

    public StaffProjection(JdbcTemplate jdbc, StaffReadModel readModel, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.emitter = emitter;
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
        emitStaff(event.staffId().value());
    }

    @EventHandler
    void on(StaffUpdated event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set name = ?, phone = ?, staff_type = ?, photo_key = ?, updated_at = ?,
                            version = ? where id = ? and version < ?""",
                event.name(), event.phone(), event.staffType().name(), event.photoKey(), ts(event.updatedAt()), version,
                event.staffId().value(), version);
        emitStaff(event.staffId().value());
    }

    @EventHandler
    void on(StaffAssignedToFlat event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set flat_ids = array_append(array_remove(flat_ids, ?), ?), updated_at = ?,
                            version = ? where id = ? and version < ?""",
                event.flatId().value(), event.flatId().value(), ts(event.assignedAt()), version,
                event.staffId().value(), version);
        emitStaff(event.staffId().value());
    }

    @EventHandler
    void on(StaffUnassignedFromFlat event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set flat_ids = array_remove(flat_ids, ?), updated_at = ?, version = ?
                        where id = ? and version < ?""",
                event.flatId().value(), ts(event.unassignedAt()), version, event.staffId().value(), version);
        emitStaff(event.staffId().value());
    }

    @EventHandler
    void on(StaffDeactivated event, @SequenceNumber long version) {
        jdbc.update("update staff_member set active = false, updated_at = ?, version = ? where id = ? and version < ?",
                ts(event.deactivatedAt()), version, event.staffId().value(), version);
        emitStaff(event.staffId().value());
    }

    @EventHandler
    void on(StaffCardRotated event, @SequenceNumber long version) {
        jdbc.update("update staff_member set qr_version = ?, updated_at = ?, version = ? where id = ? and version < ?",
                event.cardVersion(), ts(event.rotatedAt()), version, event.staffId().value(), version);
        emitStaff(event.staffId().value());
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
        emitStaff(event.staffId().value());
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
        emitStaff(event.staffId().value());
        emitAttendance(event.attendanceId().value(), event.staffId().value(), event.societyId().value(),
                event.flatIds());
    }

    /** An erased staff member keeps their record and visits (counts, times) without their data. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() != DataSubject.Kind.STAFF) {
            return;
        }
        jdbc.update("update staff_member set name = null, phone = null, photo_key = null where id = ?",
                event.subject().id());
        jdbc.update("update staff_attendance set staff_name = null where staff_id = ?", event.subject().id());
        emitStaff(event.subject().id());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate staff_member, staff_attendance");
    }

    private void emitStaff(UUID id) {
        if (!Subscribers.waitingFor(emitter, FindStaff.class)) {
            return;
        }
        readModel.staff(id).ifPresent(view -> emitter.emit(FindStaff.class, q -> q.staffId().equals(id), view));
    }

    private void emitAttendance(UUID attendanceId, UUID staffId, UUID societyId, List<FlatId> flats) {
        if (!Subscribers.waitingFor(emitter, FindAttendance.class, FindLatestAttendanceOfStaff.class,
                WatchAttendance.class)) {
            return;
        }
        readModel.attendance(attendanceId).ifPresent((AttendanceView view) -> {
            emitter.emit(FindAttendance.class, q -> q.attendanceId().equals(attendanceId), view);
            emitter.emit(FindLatestAttendanceOfStaff.class, q -> q.staffId().equals(staffId), view);
            emitter.emit(WatchAttendance.class, q -> q.societyId().equals(societyId)
                    && (q.flatId() == null || flats.stream().anyMatch(flat -> flat.value().equals(q.flatId()))), view);
        });
    }

    private static String[] ids(List<FlatId> flats) {
        return flats.stream().map(FlatId::toString).toArray(String[]::new);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
