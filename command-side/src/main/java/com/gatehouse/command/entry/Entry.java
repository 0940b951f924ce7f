package com.gatehouse.command.entry;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.entry.EntryCommand.AdmitEntry;
import com.gatehouse.api.entry.EntryCommand.CheckOutEntry;
import com.gatehouse.api.entry.EntryEvent.EntryAdmitted;
import com.gatehouse.api.entry.EntryEvent.EntryCheckedOut;
import com.gatehouse.api.entry.EntryEvent.EntryOverstayed;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.entry.EntryType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One entry of the gate log: someone came in for a flat and is inside until a guard checks them out.
 * Created in the same unit of work by what admitted the visitor: an {@link EntryRequest}'s approval or a
 * pre-approval's scan. A DELIVERY, CAB or SERVICE entry gets
 * a persistent overstay deadline at admission, cancelled at checkout; if it fires while the entry is still
 * open, the entry records the overstay once and the alert goes out from that event.
 */
@Aggregate
public class Entry {

    static final String OVERSTAY = "entry-overstay";

    @AggregateIdentifier
    private EntryId id;
    private EntryAdmitted admitted;
    private Instant exitedAt;
    private boolean overstayed;

    protected Entry() {
    }

    /** Also a command handler, so the gate log's own rules can be exercised without a request. */
    @CommandHandler
    public Entry(AdmitEntry cmd, Clock clock, DeadlineManager deadlines, EntryRequestSettings settings) {
        Instant enteredAt = clock.instant();
        Instant overstayAt = null;
        String scheduleId = null;
        if (EntryType.WATCHED_FOR_OVERSTAY.contains(cmd.type())) {
            overstayAt = enteredAt.plus(settings.overstay());
            scheduleId = deadlines.schedule(overstayAt, OVERSTAY);
        }
        apply(new EntryAdmitted(cmd.entryId(), cmd.requestId(), cmd.societyId(), cmd.flatId(), cmd.type(),
                cmd.visitorName(), cmd.visitorPhone(), cmd.providerTag(), cmd.photoKey(), cmd.guardId(),
                cmd.approvedBy(), enteredAt, overstayAt, scheduleId, cmd.preApprovalId(), cmd.autoApprovalReason(),
                cmd.vehicleNumber(), cmd.packageCount()));
    }

    @CommandHandler
    public void handle(CheckOutEntry cmd, Clock clock, DeadlineManager deadlines) {
        if (admitted == null || !admitted.societyId().equals(cmd.guardSocietyId())) {
            throw Problem.notFound("Entry");
        }
        if (exitedAt != null) {
            throw Problem.conflict("This entry was already checked out at " + exitedAt);
        }
        if (admitted.overstayScheduleId() != null && !overstayed) {
            deadlines.cancelSchedule(OVERSTAY, admitted.overstayScheduleId());
        }
        apply(new EntryCheckedOut(id, admitted.societyId(), admitted.flatId(), cmd.guardId(), clock.instant()));
    }

    /** Still inside after the allowed time: alert once. A checkout that came first leaves nothing to do. */
    @DeadlineHandler(deadlineName = OVERSTAY)
    void overstay(DeadlineMessage<?> deadline, Clock clock) {
        if (exitedAt != null || overstayed) {
            return;
        }
        apply(new EntryOverstayed(id, admitted.requestId(), admitted.societyId(), admitted.flatId(), admitted.type(),
                admitted.visitorName(), admitted.providerTag(), admitted.enteredAt(), clock.instant(),
                admitted.preApprovalId()));
    }

    @EventSourcingHandler
    void on(EntryAdmitted event) {
        id = event.entryId();
        admitted = event;
    }

    @EventSourcingHandler
    void on(EntryCheckedOut event) {
        exitedAt = event.exitedAt();
    }

    @EventSourcingHandler
    void on(EntryOverstayed event) {
        overstayed = true;
    }
}
