package com.gatehouse.command.notification;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.AnnouncementCommand.MakeAnnouncement;
import com.gatehouse.api.notification.AnnouncementId;
import com.gatehouse.api.notification.AnnouncementView;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.gatehouse.command.common.MultiLine;
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

import java.util.UUID;

/** {@code POST /admin/societies/{societyId}/announcements}: an admin notifies every member of the society. */
@RestController
@Tag(name = "Notifications")
public class AnnouncementController {

    private final CommandSender sender;

    public AnnouncementController(CommandSender sender) {
        this.sender = sender;
    }

    public record AnnouncementRequest(@NotBlank @Size(max = Announcement.MAX_TITLE) String title,
                                      @NotBlank @Size(max = Announcement.MAX_MESSAGE) @MultiLine String message) {
    }

    @PostMapping("/api/v1/admin/societies/{societyId}/announcements")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Announce something to every member of a society",
            description = "Every active user of the society (residents, guards, admins, auditors) receives it as a "
                    + "SYSTEM notification (referenceType \"Announcement\", referenceId and data.announcementId = "
                    + "the announcement's id), live on notifications.stream within moments. Answers once the "
                    + "announcement is stored; delivery follows asynchronously. Idempotency-Key honoured.")
    public Mono<AnnouncementView> announce(Caller caller, @PathVariable UUID societyId,
                                           @Valid @RequestBody AnnouncementRequest body,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        caller.requireSociety(societyId, "Society");
        var id = new AnnouncementId(Idempotency.newId(caller, "announcement", key));
        return sender.send(caller, new MakeAnnouncement(id, new SocietyId(societyId), body.title(), body.message(),
                new UserId(caller.userId())));
    }
}
