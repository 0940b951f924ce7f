package com.gatehouse.command.notice;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindSociety;
import com.gatehouse.api.directory.DirectoryViews.SocietyView;
import com.gatehouse.api.notice.NoticeCommand.Content;
import com.gatehouse.api.notice.NoticeCommand.PostNotice;
import com.gatehouse.api.notice.NoticeId;
import com.gatehouse.api.notice.NoticePriority;
import com.gatehouse.api.notice.NoticeQuery.FindNotice;
import com.gatehouse.api.notice.NoticeType;
import com.gatehouse.api.notice.NoticeView;
import com.gatehouse.api.notification.AnnouncementView;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import com.gatehouse.command.common.MultiLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /admin/societies/{societyId}/announcements}, kept for the apps that call it: an announcement is a
 * GENERAL notice published now (on the notice board, every member notified). The platform admin may announce to
 * any society that exists.
 */
@RestController
@Tag(name = "Notices")
public class AnnouncementController {

    public static final int MAX_TITLE = 120;
    public static final int MAX_MESSAGE = 2000;

    private final CommandSender sender;

    public AnnouncementController(CommandSender sender) {
        this.sender = sender;
    }

    public record AnnouncementRequest(@NotBlank @Size(max = MAX_TITLE) String title,
                                      @NotBlank @Size(max = MAX_MESSAGE) @MultiLine String message) {
    }

    @PostMapping("/api/v1/admin/societies/{societyId}/announcements")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Announce something to every member of a society (a notice published now)",
            description = "Posts a GENERAL, MEDIUM notice with this title and message as its description, published "
                    + "now: every active member of the society (residents, guards, admins, auditors) receives it as a "
                    + "SYSTEM notification (referenceType \"Notice\", referenceId and data.noticeId = the id answered "
                    + "here), live on notifications.stream within moments, and it is on the notice board "
                    + "(/community/notices). Answers {id, societyId, title, message, createdById, createdAt} once stored. "
                    + "Idempotency-Key honoured.")
    public Mono<AnnouncementView> announce(Caller caller, @PathVariable UUID societyId,
                                           @Valid @RequestBody AnnouncementRequest body,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        caller.requireSociety(societyId, "Society");
        var id = Idempotency.newId(caller, "announcement", key);
        var content = new Content(NoticeType.GENERAL, NoticePriority.MEDIUM, body.title(), body.message(), List.of(),
                List.of(), null, null);
        return sender.find(new FindSociety(societyId), SocietyView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Society")))
                .flatMap(society -> sender.create(caller, new PostNotice(new NoticeId(id), new SocietyId(societyId),
                                new UserId(caller.userId()), content, false), Idempotency.given(key), new FindNotice(id),
                        NoticeView.class))
                .map(notice -> new AnnouncementView(notice.id(), notice.societyId(), notice.title(),
                        notice.description(), notice.createdById(), notice.createdAt()));
    }
}
