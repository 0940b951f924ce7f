package com.gatehouse.command.preapproval;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.command.common.ValidityWindows;
import com.gatehouse.api.entry.EntryCommand.AdmitEntry;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.preapproval.PreApprovalCommand.CancelPreApproval;
import com.gatehouse.api.preapproval.PreApprovalCommand.CreatePreApproval;
import com.gatehouse.api.preapproval.PreApprovalCommand.ScanPreApproval;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalCancelled;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalCreated;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalExpired;
import com.gatehouse.api.preapproval.PreApprovalEvent.PreApprovalUsed;
import com.gatehouse.api.preapproval.PreApprovalId;
import com.gatehouse.api.preapproval.PreApprovalStatus;
import com.gatehouse.api.preapproval.VisitorType;
import com.gatehouse.command.directory.DirectoryLookup;
import com.gatehouse.command.entry.Entry;
import com.gatehouse.command.entry.EntryRequestSettings;
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
 * A resident's promise that a visitor may come in, up to {@code maxUses} times between validFrom and
 * validUntil, by QR token or 6-digit code. Every scan is decided here, one at a time (the aggregate lock in
 * one instance, the event store's sequence numbers across instances): a scan that finds no use left is
 * refused (409) and creates nothing, so ten guards scanning a maxUses=3 pass at once admit exactly three
 * visitors. A use creates its gate-log {@link Entry} in the same unit of work: no use without its entry, no
 * entry without its use.
 * <p>
 * It ends once: USED by its last use, CANCELLED by a resident of the flat, or EXPIRED by its persistent
 * deadline at validUntil (which re-checks the status: a last use or a cancel that came first leaves nothing to
 * do, and they cancel the deadline). The entry code is released when it ends ({@link PreApprovalCodes}, the
 * command side's own lookup, same transaction); the flat is checked with {@link DirectoryLookup}.
 */
@Aggregate
public class PreApproval {

    static final String EXPIRY = "pre-approval-expiry";
    static final int MOST_USES = 100;
    static final String REASON = "Pre-approved by resident";

    @AggregateIdentifier
    private PreApprovalId id;
    private PreApprovalCreated created;
    private PreApprovalStatus status;
    private int usedCount;

    protected PreApproval() {
    }

    @CommandHandler
    public PreApproval(CreatePreApproval cmd, Clock clock, DeadlineManager deadlines, DirectoryLookup directory,
                       PreApprovalCodes codes) {
        Instant now = clock.instant();
        if (blankToNull(cmd.visitorName()) == null) {
            throw Problem.invalid("visitorName", "is required");
        }
        if (blankToNull(cmd.visitorPhone()) == null) {
            throw Problem.invalid("visitorPhone", "is required");
        }
        if (cmd.visitorType() == null) {
            throw Problem.invalid("visitorType", "is required");
        }
        ValidityWindows.require(cmd.validFrom(), cmd.validUntil(), now);
        if (cmd.maxUses() < 1 || cmd.maxUses() > MOST_USES) {
            throw Problem.invalid("maxUses", "must be between 1 and " + MOST_USES);
        }
        directory.requireFlatInSociety(cmd.flatId(), cmd.societyId());
        String code = codes.allocate(cmd.preApprovalId(), cmd.societyId());
        String scheduleId = deadlines.schedule(cmd.validUntil(), EXPIRY);
        apply(new PreApprovalCreated(cmd.preApprovalId(), cmd.societyId(), cmd.flatId(), cmd.createdBy(),
                cmd.visitorName().strip(), cmd.visitorPhone().strip(), cmd.visitorType(), blankToNull(cmd.purpose()),
                blankToNull(cmd.vehicleNumber()), cmd.validFrom(), cmd.validUntil(), cmd.maxUses(), code, now,
                scheduleId));
    }

    /** Answers the use count after this use. */
    @CommandHandler
    public int handle(ScanPreApproval cmd, Clock clock, DeadlineManager deadlines, EntryRequestSettings settings,
                      PreApprovalCodes codes) throws Exception {
        if (created == null || !created.societyId().equals(cmd.guardSocietyId())) {
            throw Problem.notFound("Pre-approval");
        }
        Instant now = clock.instant();
        switch (status) {
            case CANCELLED -> throw Problem.conflict("This pre-approval was cancelled");
            case EXPIRED -> throw Problem.conflict("This pre-approval expired at " + created.validUntil());
            case USED -> throw Problem.conflict("This pre-approval has reached its maximum uses ("
                    + created.maxUses() + ")");
            case ACTIVE -> {
            }
        }
        if (now.isBefore(created.validFrom())) {
            throw Problem.conflict("This pre-approval is not valid yet: from " + created.validFrom());
        }
        if (!now.isBefore(created.validUntil())) {
            throw Problem.conflict("This pre-approval expired at " + created.validUntil());
        }
        int count = usedCount + 1;
        if (count == created.maxUses()) {
            deadlines.cancelSchedule(EXPIRY, created.expiryScheduleId());
            codes.release(id);
        }
        apply(new PreApprovalUsed(id, created.societyId(), created.flatId(), cmd.entryId(), cmd.guardId(),
                created.visitorName(), count, created.maxUses(), now));
        AdmitEntry admit = new AdmitEntry(cmd.entryId(), null, created.societyId(), created.flatId(),
                entryTypeOf(created.visitorType()), created.visitorName(), created.visitorPhone(), null, null,
                cmd.guardId(), created.createdBy(), id.value(), REASON, created.vehicleNumber(), null);
        createNew(Entry.class, () -> new Entry(admit, clock, deadlines, settings));
        return count;
    }

    @CommandHandler
    public void handle(CancelPreApproval cmd, Clock clock, DeadlineManager deadlines, PreApprovalCodes codes) {
        requireFlat(cmd.residentFlatId());
        if (status != PreApprovalStatus.ACTIVE) {
            throw Problem.conflict("This pre-approval is already " + status);
        }
        deadlines.cancelSchedule(EXPIRY, created.expiryScheduleId());
        codes.release(id);
        apply(new PreApprovalCancelled(id, created.societyId(), created.flatId(), cmd.residentId(), clock.instant()));
    }

    /** validUntil came with uses left. A last use or a cancel that came first leaves nothing to do. */
    @DeadlineHandler(deadlineName = EXPIRY)
    void expire(DeadlineMessage<?> deadline, Clock clock, PreApprovalCodes codes) {
        if (status != PreApprovalStatus.ACTIVE) {
            return;
        }
        codes.release(id);
        apply(new PreApprovalExpired(id, created.societyId(), created.flatId(), clock.instant()));
    }

    /** The gate log's kind of visit for a pre-approved visitor type. */
    static EntryType entryTypeOf(VisitorType type) {
        return switch (type) {
            case DELIVERY_PERSON -> EntryType.DELIVERY;
            case CAB_DRIVER -> EntryType.CAB;
            case SERVICE_PROVIDER -> EntryType.SERVICE;
            case GUEST, FAMILY_MEMBER, FRIEND -> EntryType.VISITOR;
            case OTHER -> EntryType.OTHER;
        };
    }

    /** Residents act only for their own flat; another flat's pre-approval does not exist for them (404). */
    private void requireFlat(FlatId flat) {
        if (created == null || !created.flatId().equals(flat)) {
            throw Problem.notFound("Pre-approval");
        }
    }

    @EventSourcingHandler
    void on(PreApprovalCreated event) {
        id = event.preApprovalId();
        created = event;
        status = PreApprovalStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PreApprovalUsed event) {
        usedCount = event.usedCount();
        if (usedCount >= event.maxUses()) {
            status = PreApprovalStatus.USED;
        }
    }

    @EventSourcingHandler
    void on(PreApprovalCancelled event) {
        status = PreApprovalStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(PreApprovalExpired event) {
        status = PreApprovalStatus.EXPIRED;
    }
}
