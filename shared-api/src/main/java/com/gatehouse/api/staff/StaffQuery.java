package com.gatehouse.api.staff;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions about domestic staff and their attendance, answered by the query side. */
public sealed interface StaffQuery {

    /** Answers {@code Optional<StaffView>}. */
    @ReadModel("staff")
    record FindStaff(UUID staffId) implements StaffQuery {
    }

    /** Answers {@code Optional<StaffAssignmentView>}: a flat's terms with a staff member who works for it. */
    @ReadModel("staff-assignments")
    record FindStaffAssignment(UUID staffId, UUID flatId) implements StaffQuery {
    }

    /** Answers {@code Optional<StaffBookingView>}. */
    @ReadModel("staff")
    record FindStaffBooking(UUID bookingId) implements StaffQuery {
    }

    /** Answers {@code Optional<StaffReviewView>}. */
    @ReadModel("staff")
    record FindStaffReview(UUID reviewId) implements StaffQuery {
    }

    /** Answers {@code Optional<AttendanceView>}. */
    @ReadModel("staff")
    record FindAttendance(UUID attendanceId) implements StaffQuery {
    }

    /**
     * Answers {@code Optional<AttendanceView>}: the staff member's latest visit. As a subscription query,
     * every change to any visit of the staff member follows.
     */
    @ReadModel("staff")
    record FindLatestAttendanceOfStaff(UUID staffId) implements StaffQuery {
    }

    /**
     * Answers {@code List<AttendanceView>}: the visits still open (who is inside) in a society, or only of
     * staff working for {@code flatId} when it is set. As a subscription query, every check-in and
     * check-out of those staff follows.
     */
    record WatchAttendance(UUID societyId, UUID flatId) implements StaffQuery {
    }
}
