package com.gatehouse.projection.staff;

import static com.gatehouse.projection.common.Rows.ts;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedOut;
import com.gatehouse.api.staff.StaffEvent.StaffAssignedToFlat;
import com.gatehouse.api.staff.StaffEvent.StaffAvailabilityChanged;
import com.gatehouse.api.staff.StaffEvent.StaffBooked;
import com.gatehouse.api.staff.StaffEvent.StaffBookingAccepted;
import com.gatehouse.api.staff.StaffEvent.StaffBookingCancelled;
import com.gatehouse.api.staff.StaffEvent.StaffBookingCompleted;
import com.gatehouse.api.staff.StaffEvent.StaffBookingRejected;
import com.gatehouse.api.staff.StaffEvent.StaffProfileUpdated;
import com.gatehouse.api.staff.StaffEvent.StaffReviewHidden;
import com.gatehouse.api.staff.StaffEvent.StaffReviewed;
import com.gatehouse.api.staff.StaffEvent.StaffVerificationRevoked;
import com.gatehouse.api.staff.StaffEvent.StaffVerified;
import com.gatehouse.api.staff.StaffProfile;
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

    /**
     * An erased staff member keeps their record, visits, bookings and ratings (counts, times) without their data:
     * name, phone, photo, the whole profile (as a replay leaves it: the profile reads as erased), the reasons and
     * review comments filed under them.
     */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() != DataSubject.Kind.STAFF) {
            return;
        }
        UUID staff = event.subject().id();
        jdbc.update("""
                        update staff_member set name = null, phone = null, photo_key = null, languages = '{}',
                            experience_years = null, id_proof_type = null, id_proof_number = null, address = null,
                            emergency_contact_name = null, emergency_contact_phone = null, description = null,
                            erased = true
                        where id = ?""", staff);
        jdbc.update("update staff_attendance set staff_name = null where staff_id = ?", staff);
        jdbc.update("update staff_booking set staff_name = null, rejection_reason = null where staff_id = ?", staff);
        jdbc.update("update staff_review set comment = null, hidden_reason = null where staff_id = ?", staff);
    }

    @EventHandler
    void on(StaffProfileUpdated event, @SequenceNumber long version) {
        // an erased staff member's profile reads null in a replay: the row gets what their erasure leaves
        StaffProfile profile = event.profile() == null ? StaffProfile.EMPTY : event.profile();
        jdbc.update("""
                        update staff_member set languages = cast(? as text[]), experience_years = ?, id_proof_type = ?,
                            id_proof_number = ?, address = ?, emergency_contact_name = ?, emergency_contact_phone = ?,
                            description = ?, updated_at = ?, version = ? where id = ? and version < ?""",
                profile.languages().toArray(String[]::new), profile.experienceYears(), profile.idProofType(),
                profile.idProofNumber(), profile.address(), profile.emergencyContactName(),
                profile.emergencyContactPhone(), profile.description(), ts(event.updatedAt()), version,
                event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffVerified event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set verified = true, verified_at = ?, verified_by = ?, updated_at = ?,
                            version = ? where id = ? and version < ?""",
                ts(event.verifiedAt()), event.verifiedBy().value(), ts(event.verifiedAt()), version,
                event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffVerificationRevoked event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_member set verified = false, verified_at = null, verified_by = null, updated_at = ?,
                            version = ? where id = ? and version < ?""",
                ts(event.revokedAt()), version, event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffAvailabilityChanged event, @SequenceNumber long version) {
        jdbc.update("update staff_member set availability = ?, updated_at = ?, version = ? where id = ? and version < ?",
                event.availability().name(), ts(event.changedAt()), version, event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffBooked event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into staff_booking (id, staff_id, staff_name, society_id, flat_id, booked_by, booking_date,
                            start_time, end_time, starts_at, ends_at, work_type, requirements, status, created_at,
                            updated_at, version)
                        select ?, id, name, society_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?
                        from staff_member where id = ?
                        on conflict do nothing""",
                event.bookingId(), event.flatId().value(), event.bookedBy().value(), event.date(), event.startTime(),
                event.endTime(), ts(event.startsAt()), ts(event.endsAt()), event.workType(), event.requirements(),
                ts(event.bookedAt()), ts(event.bookedAt()), version, event.staffId().value());
        touch(event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffBookingAccepted event, @SequenceNumber long version) {
        decided(event.bookingId(), "CONFIRMED", event.by().value(), event.acceptedAt(), null, version);
        touch(event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffBookingRejected event, @SequenceNumber long version) {
        decided(event.bookingId(), "REJECTED", event.by().value(), event.rejectedAt(), event.reason(), version);
        touch(event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffBookingCancelled event, @SequenceNumber long version) {
        jdbc.update("update staff_booking set status = 'CANCELLED', updated_at = ?, version = ? where id = ? and version < ?",
                ts(event.cancelledAt()), version, event.bookingId(), version);
        touch(event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffBookingCompleted event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_booking set status = 'COMPLETED', actual_minutes = ?, final_cost = ?, updated_at = ?,
                            version = ? where id = ? and version < ?""",
                event.actualMinutes(), event.finalCost(), ts(event.completedAt()), version, event.bookingId(), version);
        touch(event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffReviewed event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into staff_review (id, staff_id, society_id, reviewer_id, reviewer_flat, month, rating,
                            quality, punctuality, behaviour, comment, created_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.reviewId(), event.staffId().value(), event.societyId().value(), event.reviewer().value(),
                event.reviewerFlat().value(), event.month(), event.rating(), event.quality(), event.punctuality(),
                event.behaviour(), event.comment(), ts(event.reviewedAt()), version);
        rate(event.staffId().value(), version);
    }

    @EventHandler
    void on(StaffReviewHidden event, @SequenceNumber long version) {
        jdbc.update("""
                        update staff_review set hidden = true, hidden_by = ?, hidden_reason = ?, hidden_at = ?, version = ?
                        where id = ? and version < ?""",
                event.by().value(), event.reason(), ts(event.hiddenAt()), version, event.reviewId(), version);
        rate(event.staffId().value(), version);
    }

    private void decided(UUID booking, String status, UUID by, Instant at, String reason, long version) {
        jdbc.update("""
                        update staff_booking set status = ?, decided_by = ?, decided_at = ?, rejection_reason = ?,
                            updated_at = ?, version = ? where id = ? and version < ?""",
                status, by, ts(at), reason, ts(at), version, booking, version);
    }

    /** The staff member's row follows every event of theirs (its version says how far the read model is). */
    private void touch(UUID staff, long version) {
        jdbc.update("update staff_member set version = ? where id = ? and version < ?", version, staff, version);
    }

    /** Average and count of the visible reviews, recomputed: the same whatever was applied before. */
    private void rate(UUID staff, long version) {
        jdbc.update("""
                        update staff_member m set rating = r.average, review_count = r.n, version = greatest(m.version, ?)
                        from (select round(avg(rating), 2) as average, count(*) as n from staff_review
                              where staff_id = ? and not hidden) r
                        where m.id = ?""", version, staff, staff);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate staff_member, staff_attendance, staff_booking, staff_review");
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
}
