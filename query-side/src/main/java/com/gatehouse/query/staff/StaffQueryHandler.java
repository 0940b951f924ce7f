package com.gatehouse.query.staff;

import com.gatehouse.api.staff.StaffQuery.FindAttendance;
import com.gatehouse.api.staff.StaffQuery.FindLatestAttendanceOfStaff;
import com.gatehouse.api.staff.StaffQuery.FindStaff;
import com.gatehouse.api.staff.StaffQuery.FindStaffAssignment;
import com.gatehouse.api.staff.StaffViews.StaffAssignmentView;
import com.gatehouse.api.staff.StaffQuery.FindStaffBooking;
import com.gatehouse.api.staff.StaffQuery.FindStaffReview;
import com.gatehouse.api.staff.StaffViews.StaffBookingView;
import com.gatehouse.api.staff.StaffViews.StaffReviewView;
import com.gatehouse.api.staff.StaffQuery.WatchAttendance;
import com.gatehouse.api.staff.StaffViews.AttendanceView;
import com.gatehouse.api.staff.StaffViews.StaffView;
import com.gatehouse.projection.staff.StaffAssignmentReadModel;
import com.gatehouse.projection.staff.StaffReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers the staff context's queries from its read model. */
@Component
public class StaffQueryHandler {

    private final StaffReadModel readModel;
    private final StaffAssignmentReadModel assignments;

    public StaffQueryHandler(StaffReadModel readModel, StaffAssignmentReadModel assignments) {
        this.readModel = readModel;
        this.assignments = assignments;
    }

    @QueryHandler
    public Optional<StaffAssignmentView> handle(FindStaffAssignment query) {
        return assignments.find(query.staffId(), query.flatId());
    }

    @QueryHandler
    public Optional<StaffView> handle(FindStaff query) {
        return readModel.staff(query.staffId());
    }

    @QueryHandler
    public Optional<StaffBookingView> handle(FindStaffBooking query) {
        return readModel.booking(query.bookingId());
    }

    @QueryHandler
    public Optional<StaffReviewView> handle(FindStaffReview query) {
        return readModel.review(query.reviewId());
    }

    @QueryHandler
    public Optional<AttendanceView> handle(FindAttendance query) {
        return readModel.attendance(query.attendanceId());
    }

    @QueryHandler
    public Optional<AttendanceView> handle(FindLatestAttendanceOfStaff query) {
        return readModel.latestAttendance(query.staffId());
    }

    @QueryHandler
    public List<AttendanceView> handle(WatchAttendance query) {
        return readModel.openAttendance(query.societyId(), query.flatId());
    }
}
