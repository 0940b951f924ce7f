package com.gatehouse.api.staff;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.gatehouse.api.common.DataSubject.Kind.STAFF;

/**
 * A staff member's visits. Stored in the staff member's own stream (the aggregate that decides whether
 * they are in or out). Each event carries what its readers need (name, type, the flats employing the
 * staff member at that moment), so projections and notifications need no lookup.
 */
public sealed interface AttendanceEvent {

    AttendanceId attendanceId();

    StaffId staffId();

    SocietyId societyId();

    /**
     * @param autoCheckoutAt when the visit closes by itself if nobody checks the staff member out
     * @param scheduleId     the deadline that does it (cancelled at check-out)
     * @param requestId      the request that checked in (a retry of it answers this visit again)
     */
    record StaffCheckedIn(AttendanceId attendanceId, StaffId staffId, SocietyId societyId,
                          @PersonalData(subject = STAFF, idFrom = "staffId") String staffName,
                          StaffType staffType, List<FlatId> flatIds, UserId guardId, CheckMethod method,
                          UUID requestId, Instant checkInTime, Instant autoCheckoutAt, String scheduleId)
            implements AttendanceEvent {
    }

    /**
     * @param guardId         the guard who checked out; null when the visit was closed automatically
     * @param durationMinutes whole minutes between check-in and check-out (rounded down)
     * @param workCompleted   what the guard recorded, or null when not said
     */
    record StaffCheckedOut(AttendanceId attendanceId, StaffId staffId, SocietyId societyId,
                           @PersonalData(subject = STAFF, idFrom = "staffId") String staffName,
                           StaffType staffType, List<FlatId> flatIds, UserId guardId, CheckMethod method,
                           UUID requestId, Instant checkInTime, Instant checkOutTime, long durationMinutes,
                           Boolean workCompleted) implements AttendanceEvent {

        public boolean autoClosed() {
            return method == CheckMethod.AUTO;
        }
    }
}
