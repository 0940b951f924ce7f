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
}
