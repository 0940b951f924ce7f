package com.gatehouse.api.emergency;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

import static com.gatehouse.api.common.DataSubject.Kind.USER;

/** What happened to an emergency. */
public sealed interface EmergencyEvent {

    EmergencyId emergencyId();

    SocietyId societyId();

    /**
     * An SOS was raised: every guard and admin of the society is alerted at once, the reporter's flat is told.
     * {@code escalationScheduleId} is the persistent deadline that escalates it when nobody responds in time.
     */
    record EmergencyRaised(EmergencyId emergencyId, SocietyId societyId, UserId reportedBy,
                           @PersonalData(subject = USER, idFrom = "reportedBy") String reporterName,
                           FlatId flatId, String block, String flatNumber, EmergencyType type,
                           @PersonalData(subject = USER, idFrom = "reportedBy") String description,
                           @PersonalData(subject = USER, idFrom = "reportedBy") String location,
                           Instant raisedAt, Instant escalatesAt, String escalationScheduleId)
            implements EmergencyEvent {
    }

    /** The first guard or admin to respond; the escalation deadline is cancelled. */
    record EmergencyResponded(EmergencyId emergencyId, SocietyId societyId, UserId by,
                              @PersonalData(subject = USER, idFrom = "by") String responderName, Instant respondedAt)
            implements EmergencyEvent {
    }

    /**
     * Nobody responded in time: alerted again (the {@code escalation}-th time, 1 to 3) to the guards and admins and
     * to every resident of the reporter's block. {@code nextEscalatesAt}/{@code nextScheduleId} are null after the last.
     */
    record EmergencyEscalated(EmergencyId emergencyId, SocietyId societyId, int escalation, Instant escalatedAt,
                              Instant nextEscalatesAt, String nextScheduleId) implements EmergencyEvent {
    }

    /** An admin resolved it, with notes. */
    record EmergencyResolved(EmergencyId emergencyId, SocietyId societyId, UserId by,
                             @PersonalData(subject = USER, idFrom = "by") String notes, Instant resolvedAt)
            implements EmergencyEvent {
    }

    /** An admin marked it a false alarm, with notes. */
    record EmergencyMarkedFalseAlarm(EmergencyId emergencyId, SocietyId societyId, UserId by,
                                     @PersonalData(subject = USER, idFrom = "by") String notes, Instant resolvedAt) implements EmergencyEvent {
    }
}
