package com.gatehouse.command.delivery;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.delivery.DeliveryCommand.CancelExpectedDelivery;
import com.gatehouse.api.delivery.DeliveryCommand.ClaimExpectedDelivery;
import com.gatehouse.api.delivery.DeliveryCommand.ExpectDelivery;
import com.gatehouse.api.delivery.DeliveryCommand.ReleaseExpectedDeliveryClaim;
import com.gatehouse.api.delivery.DeliveryEvent.DeliveryExpected;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryCancelled;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryClaimReleased;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryClaimed;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryLapsed;
import com.gatehouse.api.delivery.ExpectedDeliveryId;
import com.gatehouse.api.delivery.ExpectedDeliveryStatus;
import com.gatehouse.api.entry.EntryRequestId;
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

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A delivery a flat expects: lets in <b>one</b> rider of the company on its day without asking anyone. The
 * claim is decided here (one command at a time per expected delivery): of two riders of the same company at
 * the gate at once, one claims it and is let in, the other's claim is refused (409) and the flat is asked as
 * usual. It lapses at the end of its day (society time) by a persistent deadline; a resident of the flat may
 * cancel it. A claim whose entry request then fails is released (the delivery is expected again).
 */
@Aggregate
public class ExpectedDelivery {

    static final String LAPSE = "expected-delivery-lapse";

    @AggregateIdentifier
    private ExpectedDeliveryId id;
    private DeliveryExpected expected;
    private ExpectedDeliveryStatus status;
    private EntryRequestId claimedBy;

    protected ExpectedDelivery() {
    }

    @CommandHandler
    public ExpectedDelivery(ExpectDelivery cmd, Clock clock, DeadlineManager deadlines, DirectoryLookup directory) {
        Instant now = clock.instant();
        if (cmd.company() == null) {
            throw Problem.invalid("companyName", "is required");
        }
        if (cmd.expectedDate() == null || !cmd.lapsesAt().isAfter(now)) {
            throw Problem.invalid("expectedDate", "must be today or later (society time)");
        }
        if ((cmd.timeFrom() == null) != (cmd.timeUntil() == null)) {
            throw Problem.invalid("timeUntil", "give both timeFrom and timeUntil, or neither");
        }
        directory.requireFlatInSociety(cmd.flatId(), cmd.societyId());
        String scheduleId = deadlines.schedule(cmd.lapsesAt(), LAPSE);
        apply(new DeliveryExpected(cmd.expectedDeliveryId(), cmd.societyId(), cmd.flatId(), cmd.createdBy(),
                cmd.company(), cmd.itemName() == null || cmd.itemName().isBlank() ? null : cmd.itemName().strip(),
                cmd.expectedDate(), cmd.timeFrom(), cmd.timeUntil(), cmd.lapsesAt(), scheduleId, now));
    }

    @CommandHandler
    public void handle(ClaimExpectedDelivery cmd, Clock clock, DeadlineManager deadlines) {
        if (expected == null || !expected.societyId().equals(cmd.guardSocietyId())) {
            throw Problem.notFound("Expected delivery");
        }
        if (status == ExpectedDeliveryStatus.CLAIMED && cmd.requestId().equals(claimedBy)) {
            return; // the same request claiming again (a retry): it has it already
        }
        if (status != ExpectedDeliveryStatus.EXPECTED) {
            throw Problem.conflict("This expected delivery is already " + status);
        }
        apply(new ExpectedDeliveryClaimed(id, expected.societyId(), expected.flatId(), cmd.requestId(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReleaseExpectedDeliveryClaim cmd, Clock clock) {
        if (status != ExpectedDeliveryStatus.CLAIMED || !cmd.requestId().equals(claimedBy)) {
            return; // nothing of this claim to release
        }
        apply(new ExpectedDeliveryClaimReleased(id, expected.societyId(), expected.flatId(), cmd.requestId(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(CancelExpectedDelivery cmd, Clock clock, DeadlineManager deadlines) {
        if (expected == null || !expected.flatId().equals(cmd.residentFlatId())) {
            throw Problem.notFound("Expected delivery");
        }
        if (status != ExpectedDeliveryStatus.EXPECTED) {
            throw Problem.conflict("This expected delivery is already " + status);
        }
        deadlines.cancelSchedule(LAPSE, expected.lapseScheduleId());
        apply(new ExpectedDeliveryCancelled(id, expected.societyId(), expected.flatId(), cmd.residentId(),
                clock.instant()));
    }

    /** Its day ended: a claimed or cancelled one has nothing left to do. */
    @DeadlineHandler(deadlineName = LAPSE)
    void lapse(DeadlineMessage<?> deadline, Clock clock) {
        if (status != ExpectedDeliveryStatus.EXPECTED) {
            return;
        }
        apply(new ExpectedDeliveryLapsed(id, expected.societyId(), expected.flatId(), clock.instant()));
    }

    @EventSourcingHandler
    void on(DeliveryExpected event) {
        id = event.expectedDeliveryId();
        expected = event;
        status = ExpectedDeliveryStatus.EXPECTED;
    }

    @EventSourcingHandler
    void on(ExpectedDeliveryClaimed event) {
        status = ExpectedDeliveryStatus.CLAIMED;
        claimedBy = event.requestId();
    }

    @EventSourcingHandler
    void on(ExpectedDeliveryClaimReleased event) {
        status = ExpectedDeliveryStatus.EXPECTED;
        claimedBy = null;
    }

    @EventSourcingHandler
    void on(ExpectedDeliveryCancelled event) {
        status = ExpectedDeliveryStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ExpectedDeliveryLapsed event) {
        status = ExpectedDeliveryStatus.LAPSED;
    }
}
