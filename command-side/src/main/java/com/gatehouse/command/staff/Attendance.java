package com.gatehouse.command.staff;

import com.gatehouse.api.common.UserId;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedOut;
import com.gatehouse.api.staff.AttendanceId;
import com.gatehouse.api.staff.CheckMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The open visit of a staff member: the entity of {@link StaffMember} that knows when the visit began,
 * when it closes by itself and which deadline does that, and how a visit is closed (duration in whole
 * minutes). It lives inside the staff member's aggregate so that "is she in?" and the visit change in one
 * step: two guards scanning one card at once are serialized by the aggregate and make one check-in.
 */
record Attendance(AttendanceId id, Instant checkInTime, Instant autoCheckoutAt, String scheduleId) {

    static Attendance of(StaffCheckedIn event) {
        return new Attendance(event.attendanceId(), event.checkInTime(), event.autoCheckoutAt(), event.scheduleId());
    }

    /** Whole minutes between check-in and check-out, rounded down; never negative (clocks of nodes may differ). */
    static long minutesBetween(Instant checkIn, Instant checkOut) {
        return Math.max(0, Duration.between(checkIn, checkOut).toMinutes());
    }

    /** The event that closes this visit. */
    StaffCheckedOut close(StaffMember.Identity staff, UserId guard, CheckMethod method, UUID requestId,
                          Instant checkOutTime, Boolean workCompleted) {
        return new StaffCheckedOut(id, staff.id(), staff.society(), staff.name(), staff.type(), staff.flats(), guard,
                method, requestId, checkInTime, checkOutTime, minutesBetween(checkInTime, checkOutTime), workCompleted);
    }
}
