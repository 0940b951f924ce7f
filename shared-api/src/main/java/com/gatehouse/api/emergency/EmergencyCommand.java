package com.gatehouse.api.emergency;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of an emergency. The society is always the caller's (from the token). */
public sealed interface EmergencyCommand {

    EmergencyId emergencyId();

    /**
     * A member raises an SOS. {@code flatId} (and its {@code block}/{@code flatNumber}, read from the directory
     * before dispatch) is the reporter's own flat from the token, null for guards and admins.
     */
    record RaiseEmergency(@TargetAggregateIdentifier EmergencyId emergencyId, SocietyId societyId, UserId reportedBy,
                          String reporterName, FlatId flatId, String block, String flatNumber, EmergencyType type,
                          String description, String location) implements EmergencyCommand {
    }

    /** A guard or admin of the society takes it on; the first one wins, every later one is refused (409). */
    record RespondToEmergency(@TargetAggregateIdentifier EmergencyId emergencyId, SocietyId societyId, UserId by,
                              String responderName) implements EmergencyCommand {
    }

    /** An admin closes it as dealt with. */
    record ResolveEmergency(@TargetAggregateIdentifier EmergencyId emergencyId, SocietyId societyId, UserId by,
                            String notes) implements EmergencyCommand {
    }

    /** An admin closes it as a false alarm. */
    record MarkEmergencyFalseAlarm(@TargetAggregateIdentifier EmergencyId emergencyId, SocietyId societyId, UserId by,
                                   String notes) implements EmergencyCommand {
    }
}
