package com.gatehouse.api.complaint;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.PersonalData;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.upload.DocumentId;

import java.time.Instant;
import java.util.List;

import static com.gatehouse.api.common.DataSubject.Kind.USER;

/**
 * What happened to a complaint. Every event names the reporter ({@code reporterId}) so that the notifier can
 * tell them about each change without a lookup; whether the reporter is shown to others is decided where the
 * complaint is served ({@code ComplaintView#seenBy}), from {@code anonymous}. The reporter's own words (title,
 * description, location, reopen reason) are personal data of the reporter.
 */
public sealed interface ComplaintEvent {

    ComplaintId complaintId();

    SocietyId societyId();

    UserId reporterId();

    record ComplaintFiled(ComplaintId complaintId, SocietyId societyId, UserId reporterId, FlatId flatId,
                          ComplaintCategory category, ComplaintPriority priority,
                          @PersonalData(subject = USER, idFrom = "reporterId") String title,
                          @PersonalData(subject = USER, idFrom = "reporterId") String description,
                          List<DocumentId> images,
                          @PersonalData(subject = USER, idFrom = "reporterId") String location,
                          boolean anonymous, Instant filedAt)
            implements ComplaintEvent {
    }

    /** Given to a user; {@code status} is the status after (an OPEN complaint goes IN_PROGRESS). */
    record ComplaintAssigned(ComplaintId complaintId, SocietyId societyId, UserId reporterId, UserId assigneeId,
                             UserId by, ComplaintStatus status, Instant assignedAt) implements ComplaintEvent {
    }

    /** Moved to IN_PROGRESS, CLOSED or REJECTED ({@code reason} for a rejection). */
    record ComplaintStatusChanged(ComplaintId complaintId, SocietyId societyId, UserId reporterId,
                                  ComplaintStatus from, ComplaintStatus status, String reason, UserId by,
                                  Instant changedAt) implements ComplaintEvent {
    }

    record ComplaintResolved(ComplaintId complaintId, SocietyId societyId, UserId reporterId, String resolution,
                             UserId by, Instant resolvedAt) implements ComplaintEvent {
    }

    /** Back to OPEN, by the reporter; the earlier resolution is kept in the history only. */
    record ComplaintReopened(ComplaintId complaintId, SocietyId societyId, UserId reporterId,
                             @PersonalData(subject = USER, idFrom = "reporterId") String reason,
                             Instant reopenedAt) implements ComplaintEvent {
    }

    record ComplaintWithdrawn(ComplaintId complaintId, SocietyId societyId, UserId reporterId, Instant withdrawnAt)
            implements ComplaintEvent {
    }
}
