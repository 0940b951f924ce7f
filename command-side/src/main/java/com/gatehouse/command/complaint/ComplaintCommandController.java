package com.gatehouse.command.complaint;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.complaint.ComplaintCategory;
import com.gatehouse.api.complaint.ComplaintCommand.AssignComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.ChangeComplaintStatus;
import com.gatehouse.api.complaint.ComplaintCommand.FileComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.ReopenComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.ResolveComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.WithdrawComplaint;
import com.gatehouse.api.complaint.ComplaintId;
import com.gatehouse.api.complaint.ComplaintPriority;
import com.gatehouse.api.complaint.ComplaintQuery.FindComplaint;
import com.gatehouse.api.complaint.ComplaintStatus;
import com.gatehouse.api.complaint.ComplaintView;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.UploadPurpose;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocument;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Changes to complaints: file, assign, move along, resolve, reopen, withdraw. Reads are served by the query side
 * ({@code ComplaintQueryController}).
 */
@RestController
@RequestMapping("/api/v1/community/complaints")
@Tag(name = "Complaints", description = """
        Complaints of a society's residents (and admins): category MAINTENANCE, SECURITY, CLEANLINESS, WATER, \
        ELECTRICITY, PARKING, NOISE, PETS, OTHER; priority LOW, MEDIUM (default), HIGH, URGENT; up to 5 images \
        as ids of confirmed COMPLAINT_IMAGE uploads of the society. Life: OPEN -> IN_PROGRESS (assigning does it) \
        -> RESOLVED (with a resolution) -> CLOSED, or REJECTED with a reason while OPEN or IN_PROGRESS; the reporter \
        may withdraw an OPEN complaint (status WITHDRAWN, kept in the history) and reopen a RESOLVED one within \
        gatehouse.complaint.reopen-window (default P7D) of its resolution. A transition the status does not allow \
        answers 409. Residents see the complaints they filed; admins and auditors the society's; whoever a \
        complaint is assigned to sees it too. An anonymous complaint (isAnonymous) shows its reporter \
        (reportedById, flatId) to the reporter alone: admins get null. Every change by the society notifies the \
        reporter (type SYSTEM, referenceType Complaint, data {complaintId, status}); what the reporter does \
        (file, reopen, withdraw) notifies the society's admins, never naming the reporter.""")
public class ComplaintCommandController {

    private final CommandSender sender;

    public ComplaintCommandController(CommandSender sender) {
        this.sender = sender;
    }

    public record FileComplaintRequest(@NotNull ComplaintCategory category, ComplaintPriority priority,
                                       @NotBlank @Size(max = 200) String title,
                                       @NotBlank @Size(max = 4000) String description,
                                       @Size(max = 5) List<UUID> images,
                                       @Size(max = 200) String location,
                                       @JsonProperty("isAnonymous") Boolean anonymous) {
    }

    public record AssignRequest(@NotNull UUID assignedToId) {
    }

    public record StatusRequest(@NotNull ComplaintStatus status, @Size(max = 1000) String reason,
                                @Size(max = 4000) String resolution) {
    }

    public record ResolveRequest(@NotBlank @Size(max = 4000) String resolution) {
    }

    public record ReopenRequest(@Size(max = 1000) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "File a complaint",
            description = "Body {category, priority?, title, description, images?: [upload ids], location?, "
                    + "isAnonymous?}. Society and flat come from the token. More than 5 images, or an image that is "
                    + "not a confirmed COMPLAINT_IMAGE upload of this society, answers 400.")
    public Mono<ComplaintView> file(Caller caller, @Valid @RequestBody FileComplaintRequest body,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var id = Idempotency.newId(caller, "complaint", key);
        List<UUID> images = body.images() == null ? List.of() : body.images();
        var command = new FileComplaint(new ComplaintId(id), caller.ownSociety(), new UserId(caller.userId()),
                FlatId.of(caller.flatId()), body.category(), body.priority(), body.title(), body.description(),
                images.stream().map(DocumentId::of).toList(), body.location(), Boolean.TRUE.equals(body.anonymous()));
        return requireImages(caller, images)
                .then(sender.create(caller, command, Idempotency.given(key), new FindComplaint(id), ComplaintView.class))
                .map(view -> view.seenBy(caller));
    }

    @PatchMapping("/{complaintId}/assign")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Assign a complaint to a user of the society",
            description = "An OPEN complaint goes IN_PROGRESS; reassigning an IN_PROGRESS one keeps it there. "
                    + "assignedToId must be an active user of this society (400). 409 once resolved, closed, "
                    + "rejected or withdrawn.")
    public Mono<ComplaintView> assign(Caller caller, @PathVariable UUID complaintId,
                                      @Valid @RequestBody AssignRequest body) {
        return visible(caller, complaintId)
                .then(sender.find(new FindUser(body.assignedToId()), UserView.class)
                        .filter(user -> user.active() && Objects.equals(user.societyId(), caller.societyId()))
                        .switchIfEmpty(Mono.error(() -> Problem.invalid("assignedToId",
                                "must be an active user of this society"))))
                .then(change(caller, complaintId, new AssignComplaint(new ComplaintId(complaintId), caller.ownSociety(),
                        new UserId(caller.userId()), new UserId(body.assignedToId()))));
    }

    @PatchMapping("/{complaintId}/status")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Move a complaint along",
            description = "Body {status, reason?, resolution?}: IN_PROGRESS (from OPEN), RESOLVED (from OPEN or "
                    + "IN_PROGRESS; needs resolution, as PATCH /resolve), CLOSED (from RESOLVED), REJECTED (from OPEN "
                    + "or IN_PROGRESS; needs reason). Any other move answers 409 naming the current status.")
    public Mono<ComplaintView> status(Caller caller, @PathVariable UUID complaintId,
                                      @Valid @RequestBody StatusRequest body) {
        if (body.status() == ComplaintStatus.RESOLVED) {
            if (body.resolution() == null || body.resolution().isBlank()) {
                throw Problem.invalid("resolution", "is needed to resolve a complaint");
            }
            return resolve(caller, complaintId, new ResolveRequest(body.resolution()));
        }
        if (body.status() == ComplaintStatus.OPEN || body.status() == ComplaintStatus.WITHDRAWN) {
            throw Problem.invalid("status", "must be IN_PROGRESS, RESOLVED, CLOSED or REJECTED (the reporter reopens "
                    + "and withdraws)");
        }
        if (body.status() == ComplaintStatus.REJECTED && (body.reason() == null || body.reason().isBlank())) {
            throw Problem.invalid("reason", "is needed to reject a complaint");
        }
        return visible(caller, complaintId).then(change(caller, complaintId,
                new ChangeComplaintStatus(new ComplaintId(complaintId), caller.ownSociety(), new UserId(caller.userId()),
                        body.status(), body.reason())));
    }

    @PatchMapping("/{complaintId}/resolve")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Resolve a complaint, saying how", description = "From OPEN or IN_PROGRESS (409 otherwise).")
    public Mono<ComplaintView> resolve(Caller caller, @PathVariable UUID complaintId,
                                       @Valid @RequestBody ResolveRequest body) {
        return visible(caller, complaintId).then(change(caller, complaintId,
                new ResolveComplaint(new ComplaintId(complaintId), caller.ownSociety(), new UserId(caller.userId()),
                        body.resolution())));
    }

    @PatchMapping("/{complaintId}/reopen")
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Reopen a resolved complaint (its reporter)",
            description = "Body optional: {reason}. Back to OPEN. Only the reporter (404 for anyone else), only a "
                    + "RESOLVED complaint and only within gatehouse.complaint.reopen-window (default 7 days) of its "
                    + "resolution (409 otherwise: closed, or too late).")
    public Mono<ComplaintView> reopen(Caller caller, @PathVariable UUID complaintId,
                                      @Valid @RequestBody(required = false) ReopenRequest body) {
        String reason = body == null ? null : body.reason();
        return visible(caller, complaintId).then(change(caller, complaintId,
                new ReopenComplaint(new ComplaintId(complaintId), caller.ownSociety(), new UserId(caller.userId()), reason)));
    }

    @DeleteMapping("/{complaintId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Withdraw a complaint (its reporter)",
            description = "Only an OPEN complaint (409 once someone works on it or it is settled); only the reporter "
                    + "(404 for anyone else). It is kept with status WITHDRAWN, not deleted.")
    public Mono<Void> withdraw(Caller caller, @PathVariable UUID complaintId) {
        return visible(caller, complaintId).then(change(caller, complaintId,
                new WithdrawComplaint(new ComplaintId(complaintId), caller.ownSociety(), new UserId(caller.userId())))).then();
    }

    private Mono<ComplaintView> change(Caller caller, UUID complaintId, Object command) {
        return sender.sendAndRead(caller, command, new FindComplaint(complaintId), ComplaintView.class)
                .map(view -> view.seenBy(caller));
    }

    /** The complaint as the caller may see it, or 404. */
    private Mono<ComplaintView> visible(Caller caller, UUID complaintId) {
        return sender.find(new FindComplaint(complaintId), ComplaintView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Complaint")))
                .map(view -> view.seenBy(caller));
    }

    /** Every image must be a confirmed COMPLAINT_IMAGE upload of the caller's society (asked of the upload context). */
    private Mono<Void> requireImages(Caller caller, List<UUID> images) {
        for (UUID image : images) {
            if (image == null) {
                throw Problem.invalid("images", "must not contain null");
            }
        }
        return Flux.fromIterable(images).concatMap(image -> sender.find(new FindDocument(image), DocumentView.class)
                        .filter(document -> document.purpose() == UploadPurpose.COMPLAINT_IMAGE
                                && Objects.equals(document.societyId(), caller.societyId()))
                        .switchIfEmpty(Mono.error(() -> Problem.invalid("images",
                                "must be ids of confirmed COMPLAINT_IMAGE uploads of this society"))))
                .then();
    }
}
