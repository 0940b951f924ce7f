package com.gatehouse.api.staff;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;

import java.time.Instant;
import java.util.List;

import static com.gatehouse.api.common.DataSubject.Kind.STAFF;

/** What happened to a staff member's registration, flats and card. Visits are {@link AttendanceEvent}s. */
public sealed interface StaffEvent {

    StaffId staffId();

    SocietyId societyId();

    record StaffRegistered(StaffId staffId, SocietyId societyId, @PersonalData(subject = STAFF, idFrom = "staffId") String name,
                           @PersonalData(subject = STAFF, idFrom = "staffId") String phone, StaffType staffType,
                           List<FlatId> flatIds, @PersonalData(subject = STAFF, idFrom = "staffId") String photoKey, int cardVersion, Instant registeredAt)
            implements StaffEvent {
    }

    /** The details after the change (all of them, changed or not). */
    record StaffUpdated(StaffId staffId, SocietyId societyId, @PersonalData(subject = STAFF, idFrom = "staffId") String name,
                        @PersonalData(subject = STAFF, idFrom = "staffId") String phone, StaffType staffType,
                        @PersonalData(subject = STAFF, idFrom = "staffId") String photoKey, Instant updatedAt) implements StaffEvent {
    }

    record StaffAssignedToFlat(StaffId staffId, SocietyId societyId, FlatId flatId, Instant assignedAt)
            implements StaffEvent {
    }

    record StaffUnassignedFromFlat(StaffId staffId, SocietyId societyId, FlatId flatId, Instant unassignedAt)
            implements StaffEvent {
    }

    record StaffDeactivated(StaffId staffId, SocietyId societyId, Instant deactivatedAt) implements StaffEvent {
    }

    /** A new card version was issued; cards of older versions are refused from now on. */
    record StaffCardRotated(StaffId staffId, SocietyId societyId, int cardVersion, Instant rotatedAt)
            implements StaffEvent {
    }
}
