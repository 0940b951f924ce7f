package com.gatehouse.api.staff;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;

import com.gatehouse.api.common.UserId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
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

    /** The whole profile after the change. */
    record StaffProfileUpdated(StaffId staffId, SocietyId societyId,
                               @PersonalData(subject = STAFF, idFrom = "staffId") StaffProfile profile,
                               Instant updatedAt)
            implements StaffEvent {
    }

    record StaffVerified(StaffId staffId, SocietyId societyId, UserId verifiedBy, Instant verifiedAt)
            implements StaffEvent {
    }

    record StaffVerificationRevoked(StaffId staffId, SocietyId societyId, UserId revokedBy, Instant revokedAt)
            implements StaffEvent {
    }

    /** AVAILABLE or ON_LEAVE, as set by a person. */
    record StaffAvailabilityChanged(StaffId staffId, SocietyId societyId, StaffAvailability availability,
                                    Instant changedAt) implements StaffEvent {
    }

    /** A slot booked: {@code startsAt}/{@code endsAt} are the date and times read in the society's time zone. */
    record StaffBooked(StaffId staffId, SocietyId societyId, UUID bookingId, UserId bookedBy, FlatId flatId,
                       LocalDate date, LocalTime startTime, LocalTime endTime, Instant startsAt, Instant endsAt,
                       String workType, String requirements, Instant bookedAt) implements StaffEvent {
    }

    record StaffBookingAccepted(StaffId staffId, SocietyId societyId, UUID bookingId, FlatId flatId, UserId by,
                                Instant acceptedAt) implements StaffEvent {
    }

    record StaffBookingRejected(StaffId staffId, SocietyId societyId, UUID bookingId, FlatId flatId, UserId by,
                                @PersonalData(subject = STAFF, idFrom = "staffId") String reason, Instant rejectedAt) implements StaffEvent {
    }

    record StaffBookingCancelled(StaffId staffId, SocietyId societyId, UUID bookingId, FlatId flatId, UserId by,
                                 Instant cancelledAt) implements StaffEvent {
    }

    record StaffBookingCompleted(StaffId staffId, SocietyId societyId, UUID bookingId, FlatId flatId, UserId by,
                                 int actualMinutes, BigDecimal finalCost, Instant completedAt) implements StaffEvent {
    }

    /** {@code month}: the society's calendar month of the review ({@code 2026-12}), one per reviewer. */
    record StaffReviewed(StaffId staffId, SocietyId societyId, UUID reviewId, UserId reviewer, FlatId reviewerFlat,
                         String month, int rating, Integer quality, Integer punctuality, Integer behaviour,
                         @PersonalData(subject = STAFF, idFrom = "staffId") String comment, Instant reviewedAt) implements StaffEvent {
    }

    record StaffReviewHidden(StaffId staffId, SocietyId societyId, UUID reviewId, UserId by,
                             @PersonalData(subject = STAFF, idFrom = "staffId") String reason, Instant hiddenAt) implements StaffEvent {
    }

    /** The terms a flat agreed with the staff member (all of them, as they are now). */
    record StaffAssignmentTermsSet(StaffId staffId, SocietyId societyId, FlatId flatId, AssignmentTerms terms,
                                   UserId by, Instant setAt) implements StaffEvent {
    }
}
