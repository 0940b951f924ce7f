package com.gatehouse.command.privacy;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.privacy.LegalHoldCommand.PlaceLegalHold;
import com.gatehouse.api.privacy.LegalHoldCommand.ReleaseLegalHold;
import com.gatehouse.api.privacy.LegalHoldEvent.LegalHoldPlaced;
import com.gatehouse.api.privacy.LegalHoldEvent.LegalHoldReleased;
import com.gatehouse.api.privacy.LegalHoldId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The legal hold on one data subject (id derived from the subject): placed by an admin of the subject's society
 * (or the platform operator) with a reason, released again; while placed, the subject's data is not erased, by a
 * retention rule or by anyone. The {@code legal_hold} row ({@link LegalHolds}) changes in the command's transaction.
 */
@Aggregate
public class LegalHold {

    @AggregateIdentifier
    private LegalHoldId id;
    private DataSubject subject;
    private SocietyId society;
    private boolean held;

    protected LegalHold() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlaceLegalHold cmd, LegalHolds holds, Clock clock) {
        if (held) {
            throw Problem.conflict("This person's data is already under a legal hold");
        }
        var now = clock.instant();
        holds.place(cmd.subject(), cmd.societyId() == null ? null : cmd.societyId().value(), cmd.reason(),
                cmd.by().value(), now);
        apply(new LegalHoldPlaced(cmd.holdId(), cmd.subject(), cmd.societyId(), cmd.reason(), cmd.by(), now));
    }

    @CommandHandler
    public void handle(ReleaseLegalHold cmd, LegalHolds holds, Clock clock) {
        if (!held || (cmd.bySociety() != null && !cmd.bySociety().equals(society))) {
            throw Problem.notFound("Legal hold");
        }
        holds.release(subject);
        apply(new LegalHoldReleased(id, subject, society, cmd.by(), clock.instant()));
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        id = event.holdId();
        subject = event.subject();
        society = event.societyId();
        held = true;
    }

    @EventSourcingHandler
    void on(LegalHoldReleased event) {
        held = false;
    }
}
