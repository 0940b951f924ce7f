package com.gatehouse.api.staff;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * What can be asked of a domestic staff member. Every command names the society the caller acts in
 * ({@code societyId}): a staff member of another society answers 404. Commands a resident may send
 * also carry {@code residentFlat}, the acting resident's own flat (null when an admin acts): a resident
 * manages only staff who work for that flat.
 */
public sealed interface StaffCommand {

    StaffId staffId();

    SocietyId societyId();

    /** Registers a staff member working for the given flats (a resident: exactly their own flat). */
    record RegisterStaff(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat,
                         String name, String phone, StaffType staffType, List<FlatId> flatIds, String photoKey)
            implements StaffCommand {
    }

    /** Changes the given details; a null field stays as it is. */
    record UpdateStaff(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat,
                       String name, String phone, StaffType staffType, String photoKey) implements StaffCommand {
    }

    /** Adds a flat the staff member works for (admins). */
    record AssignStaffToFlat(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId flatId)
            implements StaffCommand {
    }

    /** Removes a flat the staff member works for (admins; a resident only their own flat). */
    record UnassignStaffFromFlat(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat,
                                 FlatId flatId) implements StaffCommand {
    }

    /** Ends the staff member's access: their cards stop working. */
    record DeactivateStaff(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat)
            implements StaffCommand {
    }

    /** Issues a new card version, revoking every older card. Answers the new version. */
    record RotateStaffCard(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat)
            implements StaffCommand {
    }

    /**
     * A guard scanned a card of the given version: checks the staff member in when out, out when in.
     * {@code requestId} makes a retried request answer its first outcome (and names a new visit).
     * Answers {@link StaffViews.AttendanceOutcome}.
     */
    record ScanStaffCard(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UserId guardId,
                         int cardVersion, UUID requestId) implements StaffCommand {
    }

    /** A guard checks the staff member in by hand. Answers {@link StaffViews.AttendanceOutcome}. */
    record CheckInStaff(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UserId guardId,
                        UUID requestId) implements StaffCommand {
    }

    /** A guard checks the staff member out by hand. Answers {@link StaffViews.AttendanceOutcome}. */
    record CheckOutStaff(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UserId guardId,
                         Boolean workCompleted, UUID requestId) implements StaffCommand {
    }

    /** Replaces the staff member's profile (admins; a resident of a flat they work for). */
    record UpdateStaffProfile(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat,
                              StaffProfile profile) implements StaffCommand {
    }

    /** The society's admin vouches for the staff member (ID seen, background checked): the verified badge. */
    record VerifyStaff(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UserId verifiedBy)
            implements StaffCommand {
    }

    /** The society's admin withdraws the verified badge. */
    record RevokeStaffVerification(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UserId revokedBy)
            implements StaffCommand {
    }

    /** Sets AVAILABLE or ON_LEAVE (BUSY and INACTIVE follow from check-ins and deactivation). */
    record SetStaffAvailability(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat,
                                StaffAvailability availability) implements StaffCommand {
    }

    /**
     * A flat books the staff member for a slot on a date (times of the society's time zone). Refused (409) when
     * it overlaps another PENDING or CONFIRMED booking of the staff member.
     */
    record BookStaff(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UUID bookingId, UserId bookedBy,
                     FlatId flatId, java.time.LocalDate date, java.time.LocalTime startTime,
                     java.time.LocalTime endTime, String workType, String requirements) implements StaffCommand {
    }

    /** The society's admin confirms a PENDING booking on the staff member's behalf. */
    record AcceptStaffBooking(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UUID bookingId,
                              UserId by) implements StaffCommand {
    }

    /** The society's admin declines a PENDING booking on the staff member's behalf. */
    record RejectStaffBooking(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UUID bookingId,
                              UserId by, String reason) implements StaffCommand {
    }

    /** The booking flat (or an admin: residentFlat null) cancels a PENDING or CONFIRMED booking. */
    record CancelStaffBooking(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat,
                              UUID bookingId, UserId by) implements StaffCommand {
    }

    /** The booking flat (or an admin) records a CONFIRMED booking as done: actual minutes and cost. */
    record CompleteStaffBooking(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat,
                                UUID bookingId, UserId by, int actualMinutes, java.math.BigDecimal finalCost)
            implements StaffCommand {
    }

    /**
     * A resident rates the staff member 1-5 (aspects optional, 1-5): one review per resident per staff member per
     * month (of the society's calendar); the resident's flat must be one the staff member works or worked for.
     */
    record ReviewStaff(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UUID reviewId, UserId reviewer,
                       FlatId reviewerFlat, int rating, Integer quality, Integer punctuality, Integer behaviour,
                       String comment) implements StaffCommand {
    }

    /** The society's admin hides a review (it stays in the history, out of lists and averages). */
    record HideStaffReview(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, UUID reviewId, UserId by,
                           String reason) implements StaffCommand {
    }

    /**
     * Sets what a flat agreed with a staff member who works for it (admins; a resident only for their own flat,
     * {@code residentFlat}).
     */
    record SetAssignmentTerms(@TargetAggregateIdentifier StaffId staffId, SocietyId societyId, FlatId residentFlat,
                              FlatId flatId, AssignmentTerms terms, UserId by) implements StaffCommand {
    }
}
