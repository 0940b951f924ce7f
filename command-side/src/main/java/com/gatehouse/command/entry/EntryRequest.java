package com.gatehouse.command.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryCommand.AdmitEntry;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.entry.EntryRequestCommand.ApproveEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RaiseEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RejectEntryRequest;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestApproved;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestExpired;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRejected;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestReminded;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestUnanswered;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryRequestStatus;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.command.common.Deadlines;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static com.gatehouse.api.common.Texts.blankToNull;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A guard's question to a flat: may this person come in? Pending until exactly one of approve, reject
 * (residents of that flat) or expire (its own persistent deadline) happens; whatever comes second is
 * refused with 409 naming the status that won. Commands on one request are serialised by the aggregate
 * lock, and the expiry deadline re-checks the status before it acts, so the first transition always wins.
 * <p>
 * Rules spanning other contexts are checked while deciding the raise: the flat's society through the
 * command side's own {@link DirectoryLookup} (same transaction), the photo through the upload context's
 * query ({@link EntryPhotos}). Approval admits the visitor: the gate-log {@link Entry} is created in the
 * same unit of work, so an approved request always has its entry.
 * <p>
 * While nobody decides, two more persistent deadlines escalate (issue 15): after {@code remind-after} the
 * residents are reminded ({@link EntryRequestReminded}), after {@code guard-alert-after} the guard is told
 * ({@link EntryRequestUnanswered}). Any decision cancels them with the expiry.
 */
@Aggregate
public class EntryRequest {

    static final String EXPIRY = "entry-request-expiry";
    static final String REMIND = "entry-request-remind";
    static final String GUARD_ALERT = "entry-request-guard-alert";

    @AggregateIdentifier
    private EntryRequestId id;
    private EntryRequestStatus status;
    private String expiryScheduleId;
    private String reminderScheduleId;
    private String guardAlertScheduleId;
    private boolean reminded;
    private boolean guardAlerted;
    private EntryRequestRaised raised;

    protected EntryRequest() {
    }

    @CommandHandler
    public EntryRequest(RaiseEntryRequest cmd, Clock clock, DeadlineManager deadlines, EntryRequestSettings settings,
                        DirectoryLookup directory, EntryPhotos photos) throws Exception {
        if (cmd.type() == EntryType.VISITOR && blankToNull(cmd.visitorName()) == null) {
            throw Problem.invalid("visitorName", "is required for a VISITOR (the resident needs to know who is at the gate)");
        }
        directory.requireFlatInSociety(cmd.flatId(), cmd.societyId());
        String photoKey = blankToNull(cmd.photoKey());
        if (photoKey != null && !photos.isConfirmedEntryPhoto(cmd.societyId(), photoKey)) {
            throw Problem.invalid("photoKey", "must be the key of a confirmed ENTRY_PHOTO upload of this society");
        }
        Instant raisedAt = clock.instant();
        String autoApproval = blankToNull(cmd.autoApprovalReason());
        if (autoApproval != null) {
            // a rule of the flat already said yes: raised and approved at once, nobody asked, nothing to expire
            var autoApproved = new EntryRequestRaised(cmd.requestId(), cmd.societyId(), cmd.flatId(), cmd.guardId(),
                    cmd.type(), blankToNull(cmd.visitorName()), blankToNull(cmd.visitorPhone()), cmd.providerTag(),
                    photoKey, raisedAt, raisedAt, null, blankToNull(cmd.vehicleNumber()), cmd.packageCount(),
                    autoApproval, null, null);
            apply(autoApproved);
            // events applied in a constructor reach this instance only after it: decide from the event itself
            // (same unit of work; the entry's event is published first, the request's after the constructor)
            admit(autoApproved, null, clock, deadlines, settings);
            return;
        }
        Instant expiresAt = raisedAt.plus(settings.expiry());
        String scheduleId = deadlines.schedule(expiresAt, EXPIRY);
        apply(new EntryRequestRaised(cmd.requestId(), cmd.societyId(), cmd.flatId(), cmd.guardId(), cmd.type(),
                blankToNull(cmd.visitorName()), blankToNull(cmd.visitorPhone()), cmd.providerTag(), photoKey,
                raisedAt, expiresAt, scheduleId, blankToNull(cmd.vehicleNumber()), cmd.packageCount(), null,
                deadlines.schedule(raisedAt.plus(settings.remindAfter()), REMIND),
                deadlines.schedule(raisedAt.plus(settings.guardAlertAfter()), GUARD_ALERT)));
    }

    /** Answers the id of the gate-log entry that admits the visitor. */
    @CommandHandler
    public EntryId handle(ApproveEntryRequest cmd, Clock clock, DeadlineManager deadlines,
                          EntryRequestSettings settings) throws Exception {
        requireResidentOfFlat(cmd.residentFlatId());
        requirePending();
        cancelDeadlines(deadlines);
        return admit(raised, cmd.residentId(), clock, deadlines, settings);
    }

    /** Approved (by {@code resident}, or by nobody for an auto-approved request): the entry, same unit of work. */
    private static EntryId admit(EntryRequestRaised raised, UserId resident, Clock clock, DeadlineManager deadlines,
                                 EntryRequestSettings settings) throws Exception {
        EntryRequestId id = raised.requestId();
        EntryId entryId = EntryId.admittedBy(id);
        apply(new EntryRequestApproved(id, raised.societyId(), raised.flatId(), resident, entryId, clock.instant()));
        AdmitEntry admit = new AdmitEntry(entryId, id, raised.societyId(), raised.flatId(), raised.type(),
                raised.visitorName(), raised.visitorPhone(), raised.providerTag(), raised.photoKey(), raised.guardId(),
                resident, null, raised.autoApprovalReason(), raised.vehicleNumber(), raised.packageCount());
        createNew(Entry.class, () -> new Entry(admit, clock, deadlines, settings));
        return entryId;
    }

    @CommandHandler
    public void handle(RejectEntryRequest cmd, Clock clock, DeadlineManager deadlines) {
        requireResidentOfFlat(cmd.residentFlatId());
        requirePending();
        cancelDeadlines(deadlines);
        apply(new EntryRequestRejected(id, raised.societyId(), raised.flatId(), cmd.residentId(),
                blankToNull(cmd.reason()), clock.instant()));
    }

    /**
     * Nobody decided in time. A decision that won the race leaves nothing to do. (The deadline carries no
     * payload; taking the message first keeps Axon from reading the clock as the payload type.)
     */
    @DeadlineHandler(deadlineName = EXPIRY)
    void expire(DeadlineMessage<?> deadline, Clock clock, DeadlineManager deadlines) {
        if (status != EntryRequestStatus.PENDING) {
            return;
        }
        cancelEscalation(deadlines); // set later than the expiry (remind-after longer than it): never to fire
        apply(new EntryRequestExpired(id, raised.societyId(), raised.flatId(), clock.instant()));
    }

    /**
     * Escalation when nobody answers: a louder reminder to the flat's residents, then an alert to the guard.
     * Each re-checks the status (a decision may have won the race) and fires at most once.
     */
    @DeadlineHandler(deadlineName = REMIND)
    void remind(DeadlineMessage<?> deadline, Clock clock) {
        if (status == EntryRequestStatus.PENDING && !reminded) {
            apply(new EntryRequestReminded(id, raised.societyId(), raised.flatId(), clock.instant()));
        }
    }

    @DeadlineHandler(deadlineName = GUARD_ALERT)
    void alertGuard(DeadlineMessage<?> deadline, Clock clock) {
        if (status == EntryRequestStatus.PENDING && !guardAlerted) {
            apply(new EntryRequestUnanswered(id, raised.societyId(), raised.flatId(), raised.guardId(), clock.instant()));
        }
    }

    /** Any decision ends the expiry and the escalation. */
    private void cancelDeadlines(DeadlineManager deadlines) {
        Deadlines.cancel(deadlines, EXPIRY, expiryScheduleId);
        cancelEscalation(deadlines);
    }

    /** The escalation's deadlines (always scheduled; one after the expiry is cancelled by it). */
    private void cancelEscalation(DeadlineManager deadlines) {
        Deadlines.cancel(deadlines, REMIND, reminderScheduleId);
        Deadlines.cancel(deadlines, GUARD_ALERT, guardAlertScheduleId);
    }

    /** Residents decide only for their own flat; any other flat's request does not exist for them (404). */
    private void requireResidentOfFlat(FlatId residentFlat) {
        if (raised == null || !raised.flatId().equals(residentFlat)) {
            throw Problem.notFound("Entry request");
        }
    }

    private void requirePending() {
        if (status != EntryRequestStatus.PENDING) {
            throw Problem.conflict("This entry request is already " + status);
        }
    }

    @EventSourcingHandler
    void on(EntryRequestRaised event) {
        id = event.requestId();
        raised = event;
        status = EntryRequestStatus.PENDING;
        expiryScheduleId = event.expiryScheduleId();
        reminderScheduleId = event.reminderScheduleId();
        guardAlertScheduleId = event.guardAlertScheduleId();
    }

    @EventSourcingHandler
    void on(EntryRequestReminded event) {
        reminded = true;
    }

    @EventSourcingHandler
    void on(EntryRequestUnanswered event) {
        guardAlerted = true;
    }

    @EventSourcingHandler
    void on(EntryRequestApproved event) {
        status = EntryRequestStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(EntryRequestRejected event) {
        status = EntryRequestStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(EntryRequestExpired event) {
        status = EntryRequestStatus.EXPIRED;
    }
}
