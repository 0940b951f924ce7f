package com.gatehouse.projection.report;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedOut;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** One row per staff visit for the attendance report; idempotent (insert-if-absent, absolute updates). */
@Component
@ProcessingGroup(StaffAttendanceReportProjection.GROUP)
public class StaffAttendanceReportProjection {

    public static final String GROUP = "report-staff-attendance";

    private final JdbcTemplate jdbc;

    public StaffAttendanceReportProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffCheckedIn event) {
        jdbc.update("""
                        insert into report_staff_visit (attendance_id, society_id, staff_id, staff_name, staff_type, check_in_time)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.attendanceId().value(), event.societyId().value(), event.staffId().value(), event.staffName(),
                event.staffType().name(), Timestamp.from(event.checkInTime()));
    }

    @EventHandler
    void on(StaffCheckedOut event) {
        jdbc.update("update report_staff_visit set check_out_time = ?, minutes = ? where attendance_id = ?",
                Timestamp.from(event.checkOutTime()), event.durationMinutes(), event.attendanceId().value());
    }

    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.STAFF) {
            jdbc.update("update report_staff_visit set staff_name = null where staff_id = ?", event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate report_staff_visit");
    }
}
