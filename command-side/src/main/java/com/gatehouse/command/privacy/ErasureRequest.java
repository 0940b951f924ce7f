package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.privacy.ErasureRequestCommand.CarryOutErasureRequest;
import com.gatehouse.api.privacy.ErasureRequestCommand.RequestErasure;
import com.gatehouse.api.privacy.ErasureRequestCommand.Requester;
import com.gatehouse.api.privacy.ErasureRequestEvent.ErasureRequestCarriedOut;
import com.gatehouse.api.privacy.ErasureRequestEvent.ErasureRequested;
import com.gatehouse.api.privacy.ErasureRequestId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user's request to have their data erased: pending until an admin of their society (or the platform operator)
 * carries it out. One per user (its id derives from the user's): asking again while pending changes nothing.
 */
@Aggregate
public class ErasureRequest {

    @AggregateIdentifier
    private ErasureRequestId id;
    private UserId user;
    private SocietyId society;
    private boolean carriedOut;

    protected ErasureRequest() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestErasure cmd, Clock clock) {
        if (id != null) {
            return;
        }
        apply(new ErasureRequested(cmd.requestId(), cmd.userId(), cmd.societyId(), cmd.reason(), clock.instant()));
    }

    @CommandHandler
    public Requester handle(CarryOutErasureRequest cmd, Clock clock) {
        if (cmd.bySociety() != null && !cmd.bySociety().equals(society)) {
            throw Problem.notFound("Erasure request");
        }
        if (!carriedOut) {
            apply(new ErasureRequestCarriedOut(id, user, society, cmd.by(), clock.instant()));
        }
        return new Requester(user, society);
    }

    @EventSourcingHandler
    void on(ErasureRequested event) {
        id = event.requestId();
        user = event.userId();
        society = event.societyId();
    }

    @EventSourcingHandler
    void on(ErasureRequestCarriedOut event) {
        carriedOut = true;
    }
}
