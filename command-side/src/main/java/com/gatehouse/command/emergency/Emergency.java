package com.gatehouse.command.emergency;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.emergency.EmergencyCommand.MarkEmergencyFalseAlarm;
import com.gatehouse.api.emergency.EmergencyCommand.RaiseEmergency;
import com.gatehouse.api.emergency.EmergencyCommand.ResolveEmergency;
import com.gatehouse.api.emergency.EmergencyCommand.RespondToEmergency;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyEscalated;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyMarkedFalseAlarm;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyRaised;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyResolved;
import com.gatehouse.api.emergency.EmergencyEvent.EmergencyResponded;
import com.gatehouse.api.emergency.EmergencyId;
import com.gatehouse.api.emergency.EmergencyStatus;
import com.gatehouse.command.common.Deadlines;
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
 * An SOS raised by a member of a society. ACTIVE until an admin resolves it or marks it a false alarm.
 * <ul>
 *   <li>The first guard or admin to respond wins: commands on one emergency are serialised by the aggregate lock,
 *       so every later response is refused (409) naming who responded and when.</li>
 *   <li>Escalation by a persistent deadline: nobody responded within {@link EmergencySettings#escalateAfter()} ->
 *       it is alerted again ({@link EmergencyEscalated}), and again after as long, at most
 *       {@value #MAX_ESCALATIONS} times. A response, a resolution or a false alarm cancels the pending deadline,
 *       and the handler re-checks the state before it acts (a response may have won the race).</li>
 *   <li>Another society's emergency does not exist for the caller (404).</li>
 * </ul>
 * The reporter's flat and block come from the directory (queried before dispatch, from the caller's token).
 */
@Aggregate
public class Emergency {

    static final String ESCALATION = "emergency-escalation";
    public static final int MAX_ESCALATIONS = 3;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_LOCATION = 200;
    public static final int MAX_NOTES = 1000;

    @AggregateIdentifier
    private EmergencyId id;
    private SocietyId society;
    private EmergencyStatus status;
    private UserId respondedBy;
    private String responderName;
    private Instant respondedAt;
    private int escalations;
    /** The pending escalation deadline, null when none is pending. */
    private String escalationScheduleId;

    protected Emergency() {
    }

    @CommandHandler
    public Emergency(RaiseEmergency cmd, Clock clock, DeadlineManager deadlines, EmergencySettings settings) {
        if (cmd.type() == null) {
            throw Problem.invalid("type", "is required");
        }
        String description = trimmed(cmd.description(), "description", MAX_DESCRIPTION);
        String location = trimmed(cmd.location(), "location", MAX_LOCATION);
        Instant raisedAt = clock.instant();
        Instant escalatesAt = raisedAt.plus(settings.escalateAfter());
        String scheduleId = deadlines.schedule(escalatesAt, ESCALATION);
        apply(new EmergencyRaised(cmd.emergencyId(), cmd.societyId(), cmd.reportedBy(), cmd.reporterName(),
                cmd.flatId(), cmd.block(), cmd.flatNumber(), cmd.type(), description, location, raisedAt, escalatesAt,
                scheduleId));
    }

    @CommandHandler
    public void handle(RespondToEmergency cmd, Clock clock, DeadlineManager deadlines) {
        requireSociety(cmd.societyId());
        requireActive();
        if (respondedBy != null) {
            throw Problem.conflict("This emergency was already responded to by "
                    + (responderName == null ? "user " + respondedBy : responderName) + " (" + respondedBy + ") at "
                    + respondedAt);
        }
        cancelEscalation(deadlines);
        apply(new EmergencyResponded(id, society, cmd.by(), cmd.responderName(), clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveEmergency cmd, Clock clock, DeadlineManager deadlines) {
        requireSociety(cmd.societyId());
        requireActive();
        String notes = trimmed(cmd.notes(), "notes", MAX_NOTES);
        cancelEscalation(deadlines);
        apply(new EmergencyResolved(id, society, cmd.by(), notes, clock.instant()));
    }

    @CommandHandler
    public void handle(MarkEmergencyFalseAlarm cmd, Clock clock, DeadlineManager deadlines) {
        requireSociety(cmd.societyId());
        requireActive();
        String notes = trimmed(cmd.notes(), "notes", MAX_NOTES);
        cancelEscalation(deadlines);
        apply(new EmergencyMarkedFalseAlarm(id, society, cmd.by(), notes, clock.instant()));
    }

    /**
     * Nobody responded in time: alert again and, unless this was the last escalation, wait once more. A response
     * or closing that won the race leaves nothing to do. (Taking the message first keeps Axon from reading the
     * clock as the deadline's payload type.)
     */
    @DeadlineHandler(deadlineName = ESCALATION)
    void escalate(DeadlineMessage<?> deadline, Clock clock, DeadlineManager deadlines, EmergencySettings settings) {
        if (status != EmergencyStatus.ACTIVE || respondedBy != null || escalations >= MAX_ESCALATIONS) {
            return;
        }
        int escalation = escalations + 1;
        Instant now = clock.instant();
        Instant next = null;
        String nextScheduleId = null;
        if (escalation < MAX_ESCALATIONS) {
            next = now.plus(settings.escalateAfter());
            nextScheduleId = deadlines.schedule(next, ESCALATION);
        }
        apply(new EmergencyEscalated(id, society, escalation, now, next, nextScheduleId));
    }

    private void cancelEscalation(DeadlineManager deadlines) {
        Deadlines.cancel(deadlines, ESCALATION, escalationScheduleId);
    }

    private void requireSociety(SocietyId callerSociety) {
        if (!society.equals(callerSociety)) {
            throw Problem.notFound("Emergency");
        }
    }

    private void requireActive() {
        if (status != EmergencyStatus.ACTIVE) {
            throw Problem.conflict("This emergency is already " + status);
        }
    }

    private static String trimmed(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw Problem.invalid(field, "must be at most " + max + " characters");
        }
        return text;
    }

    @EventSourcingHandler
    void on(EmergencyRaised event) {
        id = event.emergencyId();
        society = event.societyId();
        status = EmergencyStatus.ACTIVE;
        escalationScheduleId = event.escalationScheduleId();
    }

    @EventSourcingHandler
    void on(EmergencyResponded event) {
        respondedBy = event.by();
        responderName = event.responderName();
        respondedAt = event.respondedAt();
        escalationScheduleId = null;
    }

    @EventSourcingHandler
    void on(EmergencyEscalated event) {
        escalations = event.escalation();
        escalationScheduleId = event.nextScheduleId();
    }

    @EventSourcingHandler
    void on(EmergencyResolved event) {
        status = EmergencyStatus.RESOLVED;
        escalationScheduleId = null;
    }

    @EventSourcingHandler
    void on(EmergencyMarkedFalseAlarm event) {
        status = EmergencyStatus.FALSE_ALARM;
        escalationScheduleId = null;
    }
}
