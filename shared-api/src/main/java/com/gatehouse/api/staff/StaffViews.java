package com.gatehouse.api.staff;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read models of domestic staff and their attendance, as served over REST and RSocket. */
public final class StaffViews {

    private StaffViews() {
    }

    /**
     * A staff member. {@code qrVersion} is the version of the only card that works; {@code currentCheckInTime}
     * says since when a staff member who is inside is in. {@code availability}: INACTIVE once deactivated, BUSY
     * while checked in, else AVAILABLE or ON_LEAVE as set. {@code rating}: the average of visible reviews (null
     * without any), over {@code totalReviews}.
     */
    public record StaffView(UUID id, UUID societyId, String name, String phone, StaffType staffType, String photoKey,
                            List<UUID> flatIds, boolean isActive, boolean isCurrentlyWorking,
                            UUID currentAttendanceId, Instant currentCheckInTime, int qrVersion,
                            Instant createdAt, Instant updatedAt, StaffProfile profile, boolean isVerified,
                            Instant verifiedAt, UUID verifiedBy, StaffAvailability availability, Double rating,
                            int totalReviews, boolean erased) {

        /** Guards, admins and auditors see the staff of their society; residents those working for their flat. */
        public boolean visibleTo(Caller caller) {
            if (!caller.canSeeSociety(societyId)) {
                return false;
            }
            return caller.role() != Role.RESIDENT || flatIds.contains(caller.flatId());
        }

        /**
         * The view as the caller may see it (404 "Staff member" when they may not): a resident sees only
         * their own flat among the flats the staff member works for.
         */
        public StaffView seenBy(Caller caller) {
            if (!visibleTo(caller)) {
                throw Problem.notFound("Staff member");
            }
            if (caller.role() == Role.ADMIN || caller.role() == Role.SUPER_ADMIN) {
                return this;
            }
            List<UUID> flats = caller.role() == Role.RESIDENT ? List.of(caller.flatId()) : flatIds;
            return new StaffView(id, societyId, name, phone, staffType, photoKey, flats, isActive,
                    isCurrentlyWorking, currentAttendanceId, currentCheckInTime, qrVersion, createdAt, updatedAt,
                    profile.masked(), isVerified, verifiedAt, verifiedBy, availability, rating, totalReviews, erased);
        }

        /**
         * The view offered to someone picking staff to book (or reading their reviews): every member of the society
         * sees its staff, without the flats they work for and with the profile masked (admins: everything).
         */
        public StaffView offeredTo(Caller caller) {
            if (!caller.canSeeSociety(societyId)) {
                throw Problem.notFound("Staff member");
            }
            if (caller.role() == Role.ADMIN || caller.role() == Role.SUPER_ADMIN) {
                return this;
            }
            return new StaffView(id, societyId, name, phone, staffType, photoKey, List.of(), isActive,
                    isCurrentlyWorking, currentAttendanceId, currentCheckInTime, qrVersion, createdAt, updatedAt,
                    profile.masked(), isVerified, verifiedAt, verifiedBy, availability, rating, totalReviews, erased);
        }
    }

    /**
     * One visit: the contract's {@code {id, staffId, checkInTime, checkOutTime, duration, verifiedByGuardId,
     * workCompleted}} (duration in whole minutes, null while inside), plus who is meant, who checked out
     * (null when closed automatically) and whether it was closed automatically.
     */
    public record AttendanceView(UUID id, UUID staffId, String staffName, StaffType staffType, Instant checkInTime,
                                 Instant checkOutTime, Long duration, UUID verifiedByGuardId,
                                 UUID checkedOutByGuardId, Boolean workCompleted, boolean autoClosed) {

        public boolean open() {
            return checkOutTime == null;
        }
    }

    /** What a scan or a manual check did, as the command handler answers it. */
    public record AttendanceOutcome(AttendanceAction action, AttendanceId attendanceId) {
    }

    /** The contract's scan answer {@code {action, attendance}}. */
    public record ScanResult(AttendanceAction action, AttendanceView attendance) {
    }

    /**
     * A booking of a staff member by a flat. Dates and times are the society's; {@code actualDuration} in minutes
     * and {@code finalCost} once COMPLETED; {@code decidedBy}/{@code decidedAt} the admin who accepted or rejected.
     */
    public record StaffBookingView(UUID id, UUID staffId, String staffName, UUID societyId, UUID flatId, UUID bookedBy,
                                   java.time.LocalDate bookingDate, java.time.LocalTime startTime,
                                   java.time.LocalTime endTime, String workType, String requirements,
                                   StaffBookingStatus status, UUID decidedBy, Instant decidedAt,
                                   String rejectionReason, Integer actualDuration, java.math.BigDecimal finalCost,
                                   Instant createdAt, Instant updatedAt) {
    }

    /**
     * A review. {@code reviewerId} is shown to admins and to the reviewer only; a hidden review is shown to admins
     * only (with why and by whom).
     */
    public record StaffReviewView(UUID id, UUID staffId, UUID reviewerId, UUID flatId, String month, int rating,
                                  Integer quality, Integer punctuality, Integer behaviour, String comment,
                                  boolean hidden, String hiddenReason, Instant createdAt) {

        public StaffReviewView seenBy(Caller caller) {
            if (caller.role() == Role.ADMIN || caller.role() == Role.SUPER_ADMIN
                    || caller.userId().equals(reviewerId)) {
                return this;
            }
            return new StaffReviewView(id, staffId, null, null, month, rating, quality, punctuality, behaviour,
                    comment, hidden, null, createdAt);
        }
    }

    /** The contract's {@code {qrToken}}. */
    public record QrCode(String qrToken) {
    }

    /** A flat a staff member works for, with the terms it agreed (empty until set). */
    public record StaffAssignmentView(UUID staffId, UUID societyId, UUID flatId,
                                      List<java.time.DayOfWeek> workingDays, java.time.LocalTime startTime,
                                      java.time.LocalTime endTime, java.math.BigDecimal agreedRate, RateType rateType,
                                      Instant assignedAt, Instant updatedAt) {
    }
}
