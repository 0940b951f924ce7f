package com.gatehouse.command.gatepass;

import com.gatehouse.api.common.Problem;
import com.gatehouse.command.common.ValidityWindows;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.gatepass.GatePassCommand.ApproveGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.CancelGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.RejectGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.RequestGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.ScanGatePass;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassApproved;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassCancelled;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassExpired;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassRejected;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassRequested;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassUsed;
import com.gatehouse.api.gatepass.GatePassId;
import com.gatehouse.api.gatepass.GatePassStatus;
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
import java.util.List;

import static com.gatehouse.api.common.Texts.blankToNull;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A pass for goods, a vehicle, a move or maintenance work: asked for by a resident of the flat, approved or
 * rejected by an admin of the society, then let through the gate <b>once</b>. Every transition is decided here,
 * one command at a time (the aggregate lock in one instance, the event store's sequence numbers across
 * instances), so of ten guards scanning one pass at once exactly one lets it through and nine get 409.
 * <p>
 * A pending or approved pass expires at validUntil by its persistent deadline (which re-checks the status:
 * a use, a rejection or a cancel that came first leaves nothing to do, and cancels it). The requester may
 * cancel before use. The flat is checked with {@link DirectoryLookup}; attachments (upload documents of the
 * society) are checked with the upload context's query before dispatch ({@link GatePassCommandController}).
 */
@Aggregate
public class GatePass {

    static final String EXPIRY = "gate-pass-expiry";

    @AggregateIdentifier
    private GatePassId id;
    private GatePassRequested requested;
    private GatePassStatus status;

    protected GatePass() {
    }

    @CommandHandler
    public GatePass(RequestGatePass cmd, Clock clock, DeadlineManager deadlines, DirectoryLookup directory) {
        Instant now = clock.instant();
        if (cmd.type() == null) {
            throw Problem.invalid("type", "is required");
        }
        if (blankToNull(cmd.title()) == null) {
            throw Problem.invalid("title", "is required");
        }
        ValidityWindows.require(cmd.validFrom(), cmd.validUntil(), now);
        directory.requireFlatInSociety(cmd.flatId(), cmd.societyId());
        String scheduleId = deadlines.schedule(cmd.validUntil(), EXPIRY);
        apply(new GatePassRequested(cmd.gatePassId(), cmd.societyId(), cmd.flatId(), cmd.requestedBy(), cmd.type(),
                cmd.title().strip(), blankToNull(cmd.description()), cmd.validFrom(), cmd.validUntil(),
                blankToNull(cmd.vehicleNumber()), blankToNull(cmd.driverName()), blankToNull(cmd.driverPhone()),
                cmd.items() == null ? List.of() : cmd.items().stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                blankToNull(cmd.workerName()), blankToNull(cmd.workerPhone()), blankToNull(cmd.companyName()),
                cmd.attachments() == null ? List.of() : List.copyOf(cmd.attachments()), now, scheduleId));
    }

    @CommandHandler
    public void handle(ApproveGatePass cmd, Clock clock) {
        requireSociety(cmd.adminSocietyId());
        requirePending();
        apply(new GatePassApproved(id, requested.societyId(), requested.flatId(), requested.requestedBy(),
                requested.type(), requested.title(), cmd.adminId(), clock.instant()));
    }

    @CommandHandler
    public void handle(RejectGatePass cmd, Clock clock, DeadlineManager deadlines) {
        requireSociety(cmd.adminSocietyId());
        requirePending();
        deadlines.cancelSchedule(EXPIRY, requested.expiryScheduleId());
        apply(new GatePassRejected(id, requested.societyId(), requested.flatId(), requested.requestedBy(),
                requested.type(), requested.title(), cmd.adminId(), blankToNull(cmd.reason()), clock.instant()));
    }

    @CommandHandler
    public void handle(ScanGatePass cmd, Clock clock, DeadlineManager deadlines) {
        requireSociety(cmd.guardSocietyId());
        Instant now = clock.instant();
        switch (status) {
            case USED -> throw Problem.conflict("This gate pass has already been used");
            case PENDING -> throw Problem.conflict("This gate pass is not approved yet");
            case REJECTED, EXPIRED, CANCELLED -> throw Problem.conflict("This gate pass is " + status);
            case APPROVED -> {
            }
        }
        if (now.isBefore(requested.validFrom())) {
            throw Problem.conflict("This gate pass is not valid yet: from " + requested.validFrom());
        }
        if (!now.isBefore(requested.validUntil())) {
            throw Problem.conflict("This gate pass expired at " + requested.validUntil());
        }
        deadlines.cancelSchedule(EXPIRY, requested.expiryScheduleId());
        apply(new GatePassUsed(id, requested.societyId(), requested.flatId(), cmd.guardId(), now));
    }

    @CommandHandler
    public void handle(CancelGatePass cmd, Clock clock, DeadlineManager deadlines) {
        if (requested == null || !requested.flatId().equals(cmd.residentFlatId())) {
            throw Problem.notFound("Gate pass");
        }
        if (status != GatePassStatus.PENDING && status != GatePassStatus.APPROVED) {
            throw Problem.conflict("This gate pass is already " + status);
        }
        deadlines.cancelSchedule(EXPIRY, requested.expiryScheduleId());
        apply(new GatePassCancelled(id, requested.societyId(), requested.flatId(), cmd.residentId(), clock.instant()));
    }

    /** validUntil came before the pass was used. A use, rejection or cancel that came first leaves nothing to do. */
    @DeadlineHandler(deadlineName = EXPIRY)
    void expire(DeadlineMessage<?> deadline, Clock clock) {
        if (status != GatePassStatus.PENDING && status != GatePassStatus.APPROVED) {
            return;
        }
        apply(new GatePassExpired(id, requested.societyId(), requested.flatId(), clock.instant()));
    }

    /** Another society's pass does not exist for its admins and guards (404). */
    private void requireSociety(SocietyId society) {
        if (requested == null || !requested.societyId().equals(society)) {
            throw Problem.notFound("Gate pass");
        }
    }

    private void requirePending() {
        if (status != GatePassStatus.PENDING) {
            throw Problem.conflict("This gate pass is already " + status);
        }
    }

    @EventSourcingHandler
    void on(GatePassRequested event) {
        id = event.gatePassId();
        requested = event;
        status = GatePassStatus.PENDING;
    }

    @EventSourcingHandler
    void on(GatePassApproved event) {
        status = GatePassStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(GatePassRejected event) {
        status = GatePassStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(GatePassUsed event) {
        status = GatePassStatus.USED;
    }

    @EventSourcingHandler
    void on(GatePassCancelled event) {
        status = GatePassStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(GatePassExpired event) {
        status = GatePassStatus.EXPIRED;
    }
}
