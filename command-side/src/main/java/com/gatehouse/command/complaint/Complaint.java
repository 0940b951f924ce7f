package com.gatehouse.command.complaint;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.complaint.ComplaintCommand.AssignComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.ChangeComplaintStatus;
import com.gatehouse.api.complaint.ComplaintCommand.FileComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.ReopenComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.ResolveComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.WithdrawComplaint;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintAssigned;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintFiled;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintReopened;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintResolved;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintStatusChanged;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintWithdrawn;
import com.gatehouse.api.complaint.ComplaintId;
import com.gatehouse.api.complaint.ComplaintPriority;
import com.gatehouse.api.complaint.ComplaintStatus;
import com.gatehouse.api.upload.DocumentId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static com.gatehouse.api.common.Texts.required;
import static com.gatehouse.api.common.Texts.blankToNull;

/**
 * A complaint and its life: OPEN -> IN_PROGRESS -> RESOLVED -> CLOSED, or REJECTED with a reason; the reporter
 * may withdraw it while it is OPEN and reopen it within the reopen window after it was resolved. A refused
 * transition is a 409 naming the status it is in. Every change is one event naming the reporter (the notifier
 * tells them).
 * <p>
 * Scoping: a command from another society answers 404; reopen and withdraw answer 404 to anyone but the reporter
 * (to others the complaint is not theirs to act on). Admin-only commands are confined by role at the endpoint.
 * That an assignee is a user of the society and that images are uploads of the society is checked with queries
 * before dispatch ({@code ComplaintCommandController}).
 */
@Aggregate
public class Complaint {

    static final int MAX_IMAGES = 5;

    @AggregateIdentifier
    private ComplaintId id;
    private SocietyId society;
    private UserId reporter;
    private ComplaintStatus status;
    private UserId assignee;
    private Instant resolvedAt;

    protected Complaint() {
    }

    @CommandHandler
    public Complaint(FileComplaint cmd, Clock clock) {
        Objects.requireNonNull(cmd.category(), "category");
        List<DocumentId> images = cmd.images() == null ? List.of() : List.copyOf(cmd.images());
        if (images.size() > MAX_IMAGES) {
            throw Problem.invalid("images", "at most " + MAX_IMAGES + " images");
        }
        if (images.stream().distinct().count() != images.size()) {
            throw Problem.invalid("images", "must not name an image twice");
        }
        apply(new ComplaintFiled(cmd.complaintId(), cmd.societyId(), cmd.by(), cmd.flatId(), cmd.category(),
                cmd.priority() == null ? ComplaintPriority.MEDIUM : cmd.priority(), required("title", cmd.title()),
                required("description", cmd.description()), images, blankToNull(cmd.location()), cmd.anonymous(),
                now(clock)));
    }

    @CommandHandler
    public void handle(AssignComplaint cmd, Clock clock) {
        requireSociety(cmd.societyId());
        Objects.requireNonNull(cmd.assigneeId(), "assigneeId");
        if (!status.isOpen()) {
            throw refused("assigned");
        }
        if (cmd.assigneeId().equals(assignee)) {
            return;
        }
        apply(new ComplaintAssigned(id, society, reporter, cmd.assigneeId(), cmd.by(), ComplaintStatus.IN_PROGRESS,
                now(clock)));
    }

    @CommandHandler
    public void handle(ChangeComplaintStatus cmd, Clock clock) {
        requireSociety(cmd.societyId());
        ComplaintStatus to = Objects.requireNonNull(cmd.status(), "status");
        String reason = null;
        switch (to) {
            case IN_PROGRESS -> {
                if (status == ComplaintStatus.IN_PROGRESS) {
                    return;
                }
                if (status != ComplaintStatus.OPEN) {
                    throw refused("moved to IN_PROGRESS");
                }
            }
            case CLOSED -> {
                if (status == ComplaintStatus.CLOSED) {
                    return;
                }
                if (status != ComplaintStatus.RESOLVED) {
                    throw refused("closed (only a RESOLVED complaint is closed)");
                }
            }
            case REJECTED -> {
                reason = required("reason", cmd.reason());
                if (!status.isOpen()) {
                    throw refused("rejected");
                }
            }
            case RESOLVED -> throw Problem.invalid("status", "resolve with PATCH /{id}/resolve and a resolution");
            default -> throw Problem.invalid("status", "must be IN_PROGRESS, RESOLVED, CLOSED or REJECTED");
        }
        apply(new ComplaintStatusChanged(id, society, reporter, status, to, reason, cmd.by(), now(clock)));
    }

    @CommandHandler
    public void handle(ResolveComplaint cmd, Clock clock) {
        requireSociety(cmd.societyId());
        String resolution = required("resolution", cmd.resolution());
        if (!status.isOpen()) {
            throw refused("resolved");
        }
        apply(new ComplaintResolved(id, society, reporter, resolution, cmd.by(), now(clock)));
    }

    @CommandHandler
    public void handle(ReopenComplaint cmd, Clock clock, ComplaintSettings settings) {
        requireReporter(cmd.societyId(), cmd.by());
        if (status != ComplaintStatus.RESOLVED) {
            throw refused("reopened (only a RESOLVED complaint is)");
        }
        Instant now = now(clock);
        Instant until = resolvedAt.plus(settings.reopenWindow());
        if (now.isAfter(until)) {
            throw Problem.conflict("This complaint was resolved at " + resolvedAt + " and could be reopened until "
                    + until + "; file a new one");
        }
        apply(new ComplaintReopened(id, society, reporter, blankToNull(cmd.reason()), now));
    }

    @CommandHandler
    public void handle(WithdrawComplaint cmd, Clock clock) {
        requireReporter(cmd.societyId(), cmd.by());
        if (status == ComplaintStatus.WITHDRAWN) {
            return;
        }
        if (status != ComplaintStatus.OPEN) {
            throw refused("withdrawn (only an OPEN complaint is)");
        }
        apply(new ComplaintWithdrawn(id, society, reporter, now(clock)));
    }

    private void requireSociety(SocietyId callerSociety) {
        if (!society.equals(callerSociety)) {
            throw Problem.notFound("Complaint");
        }
    }

    private void requireReporter(SocietyId callerSociety, UserId by) {
        requireSociety(callerSociety);
        if (!reporter.equals(by)) {
            throw Problem.notFound("Complaint");
        }
    }

    private Problem refused(String what) {
        return Problem.conflict("This complaint is " + status + " and cannot be " + what);
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @EventSourcingHandler
    void on(ComplaintFiled event) {
        id = event.complaintId();
        society = event.societyId();
        reporter = event.reporterId();
        status = ComplaintStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ComplaintAssigned event) {
        assignee = event.assigneeId();
        status = event.status();
    }

    @EventSourcingHandler
    void on(ComplaintStatusChanged event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        status = ComplaintStatus.RESOLVED;
        resolvedAt = event.resolvedAt();
    }

    @EventSourcingHandler
    void on(ComplaintReopened event) {
        status = ComplaintStatus.OPEN;
        resolvedAt = null;
    }

    @EventSourcingHandler
    void on(ComplaintWithdrawn event) {
        status = ComplaintStatus.WITHDRAWN;
    }
}
