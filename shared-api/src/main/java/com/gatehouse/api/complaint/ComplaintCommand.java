package com.gatehouse.api.complaint;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.upload.DocumentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * What can be asked of a complaint. Every command names the society the caller acts in: a complaint of
 * another society answers 404. {@code by} is the acting user.
 */
public sealed interface ComplaintCommand {

    ComplaintId complaintId();

    SocietyId societyId();

    /**
     * Files a complaint. {@code flatId} is the reporter's flat (null for an admin without one); {@code images}
     * are confirmed COMPLAINT_IMAGE uploads of the society (checked before dispatch), at most 5.
     */
    record FileComplaint(@TargetAggregateIdentifier ComplaintId complaintId, SocietyId societyId, UserId by,
                         FlatId flatId, ComplaintCategory category, ComplaintPriority priority, String title,
                         String description, List<DocumentId> images, String location, boolean anonymous)
            implements ComplaintCommand {
    }

    /** An admin gives the complaint to a user of the society (checked before dispatch); an OPEN one goes IN_PROGRESS. */
    record AssignComplaint(@TargetAggregateIdentifier ComplaintId complaintId, SocietyId societyId, UserId by,
                           UserId assigneeId) implements ComplaintCommand {
    }

    /**
     * An admin moves the complaint along: IN_PROGRESS (from OPEN), CLOSED (from RESOLVED), REJECTED (from OPEN or
     * IN_PROGRESS, with a reason). RESOLVED goes through {@link ResolveComplaint}.
     */
    record ChangeComplaintStatus(@TargetAggregateIdentifier ComplaintId complaintId, SocietyId societyId, UserId by,
                                 ComplaintStatus status, String reason) implements ComplaintCommand {
    }

    /** An admin resolves an open or in-progress complaint, saying how. */
    record ResolveComplaint(@TargetAggregateIdentifier ComplaintId complaintId, SocietyId societyId, UserId by,
                            String resolution) implements ComplaintCommand {
    }

    /** The reporter reopens a RESOLVED complaint within the reopen window (7 days after its resolution). */
    record ReopenComplaint(@TargetAggregateIdentifier ComplaintId complaintId, SocietyId societyId, UserId by,
                           String reason) implements ComplaintCommand {
    }

    /** The reporter takes back a complaint that is still OPEN (nobody works on it yet). */
    record WithdrawComplaint(@TargetAggregateIdentifier ComplaintId complaintId, SocietyId societyId, UserId by)
            implements ComplaintCommand {
    }
}
