package com.gatehouse.command.notice;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notice.NoticeCommand.Content;
import com.gatehouse.api.notice.NoticeCommand.DeleteNotice;
import com.gatehouse.api.notice.NoticeCommand.EditNotice;
import com.gatehouse.api.notice.NoticeCommand.PinNotice;
import com.gatehouse.api.notice.NoticeCommand.PostNotice;
import com.gatehouse.api.notice.NoticeId;
import com.gatehouse.api.notice.NoticePriority;
import com.gatehouse.api.notice.NoticeQuery.FindNotice;
import com.gatehouse.api.notice.NoticeType;
import com.gatehouse.api.notice.NoticeView;
import com.gatehouse.api.upload.UploadPurpose;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocument;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import com.gatehouse.command.common.MultiLine;
import com.gatehouse.command.common.UnknownAggregate;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The notice board's changes, by the society's admins: post (now or scheduled), edit, pin, delete. Each answers the
 * read model's view once it shows the change; reads are served by the query side. Images and documents are ids of
 * confirmed NOTICE_ATTACHMENT uploads of the society (checked with the upload context's query before dispatch).
 */
@RestController
@RequestMapping("/api/v1/community/notices")
@Tag(name = "Notices")
public class NoticeCommandController {

    private final CommandSender sender;

    public NoticeCommandController(CommandSender sender) {
        this.sender = sender;
    }

    public record PostRequest(@NotNull NoticeType type, NoticePriority priority,
                              @NotBlank @Size(max = Notice.MAX_TITLE) String title,
                              @NotBlank @Size(max = Notice.MAX_DESCRIPTION) @MultiLine String description,
                              @Size(max = Notice.MAX_ATTACHMENTS) List<UUID> images,
                              @Size(max = Notice.MAX_ATTACHMENTS) List<UUID> documents,
                              @JsonProperty("isPinned") Boolean isPinned, Instant publishAt, Instant expiresAt) {
    }

    /** Every field optional: what is given replaces the notice's value. */
    public record EditRequest(NoticeType type, NoticePriority priority, @Size(max = Notice.MAX_TITLE) String title,
                              @Size(max = Notice.MAX_DESCRIPTION) @MultiLine String description,
                              @Size(max = Notice.MAX_ATTACHMENTS) List<UUID> images,
                              @Size(max = Notice.MAX_ATTACHMENTS) List<UUID> documents,
                              Instant publishAt, Instant expiresAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.ADMIN)
    @Operation(summary = "Post a notice",
            description = "Body {type, priority?, title, description, images?, documents?, isPinned?, publishAt?, "
                    + "expiresAt?}. type GENERAL, URGENT, EVENT, MAINTENANCE, MEETING, EMERGENCY; priority LOW, MEDIUM "
                    + "(default), HIGH, CRITICAL. images/documents: ids of confirmed NOTICE_ATTACHMENT uploads of the "
                    + "society (at most 10 each; 400 otherwise). publishAt in the future schedules it (a persistent "
                    + "deadline publishes it then; until then only admins see it, isPublished false); otherwise it is "
                    + "published now. Publishing notifies every member of the society (SYSTEM, referenceType "
                    + "\"Notice\"; URGENT and EMERGENCY notices with data.highPriority true). expiresAt (after the "
                    + "publication) hides it from members. Idempotency-Key honoured.")
    public Mono<NoticeView> post(Caller caller, @Valid @RequestBody PostRequest body,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var id = Idempotency.newId(caller, "notice", key);
        var content = new Content(body.type(), body.priority(), body.title(), body.description(), body.images(),
                body.documents(), body.publishAt(), body.expiresAt());
        return requireAttachments(caller, content).then(sender.create(caller,
                new PostNotice(new NoticeId(id), SocietyId.of(caller.societyId()), new UserId(caller.userId()), content,
                        Boolean.TRUE.equals(body.isPinned())),
                Idempotency.given(key), new FindNotice(id), NoticeView.class));
    }

    @PatchMapping("/{id}")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Edit a notice",
            description = "Any admin of the society (not only the author). Fields given replace the notice's; a "
                    + "scheduled notice's publishAt moves its publication (a time not in the future publishes it now); "
                    + "a published notice keeps its publication time. Editing notifies nobody. 404 for another "
                    + "society's or a deleted notice.")
    public Mono<NoticeView> edit(Caller caller, @PathVariable UUID id, @Valid @RequestBody EditRequest body) {
        return current(caller, id).flatMap(now -> {
            var content = new Content(or(body.type(), now.type()), or(body.priority(), now.priority()),
                    or(body.title(), now.title()), or(body.description(), now.description()),
                    or(body.images(), now.images()), or(body.documents(), now.documents()),
                    or(body.publishAt(), now.publishAt()), or(body.expiresAt(), now.expiresAt()));
            return requireAttachments(caller, content).then(sender.sendAndRead(caller,
                    new EditNotice(new NoticeId(id), SocietyId.of(caller.societyId()), new UserId(caller.userId()),
                            content), new FindNotice(id), NoticeView.class));
        }).onErrorMap(UnknownAggregate::causedBy, unknown -> Problem.notFound("Notice"));
    }

    @PatchMapping("/{id}/toggle-pin")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Pin or unpin a notice", description = "Turns isPinned over (pinned notices list first). Any "
            + "admin of the society.")
    public Mono<NoticeView> togglePin(Caller caller, @PathVariable UUID id) {
        return current(caller, id).flatMap(now -> sender.sendAndRead(caller,
                        new PinNotice(new NoticeId(id), SocietyId.of(caller.societyId()), new UserId(caller.userId()),
                                !now.isPinned()), new FindNotice(id), NoticeView.class))
                .onErrorMap(UnknownAggregate::causedBy, unknown -> Problem.notFound("Notice"));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Role.ADMIN)
    @Operation(summary = "Delete a notice", description = "Any admin of the society; a scheduled notice is never "
            + "published. 204; 404 for another society's or an already deleted notice.")
    public Mono<Void> delete(Caller caller, @PathVariable UUID id) {
        return sender.send(caller, new DeleteNotice(new NoticeId(id), SocietyId.of(caller.societyId()),
                        new UserId(caller.userId())))
                .onErrorMap(UnknownAggregate::causedBy, unknown -> Problem.notFound("Notice"))
                .then();
    }

    /** The notice as the read model shows it now, if it is of the caller's society (else 404). */
    private Mono<NoticeView> current(Caller caller, UUID id) {
        return sender.find(new FindNotice(id), NoticeView.class)
                .filter(view -> view.societyId().equals(caller.societyId()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Notice")));
    }

    /** Refuses (400) an image or document that is not a confirmed NOTICE_ATTACHMENT upload of the caller's society. */
    private Mono<Void> requireAttachments(Caller caller, Content content) {
        List<Mono<Void>> checks = new ArrayList<>();
        for (var field : List.of("images", "documents")) {
            for (UUID upload : field.equals("images") ? content.images() : content.documents()) {
                checks.add(sender.find(new FindDocument(upload), DocumentView.class)
                        .filter(document -> document.purpose() == UploadPurpose.NOTICE_ATTACHMENT
                                && caller.societyId().equals(document.societyId()))
                        .switchIfEmpty(Mono.error(() -> Problem.invalid(field,
                                "must be ids of confirmed NOTICE_ATTACHMENT uploads of your society")))
                        .then());
            }
        }
        return Flux.concat(checks).then();
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }
}
