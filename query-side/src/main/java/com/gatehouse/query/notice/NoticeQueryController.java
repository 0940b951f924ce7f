package com.gatehouse.query.notice;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notice.NoticeCommand.RecordNoticeView;
import com.gatehouse.api.notice.NoticeId;
import com.gatehouse.api.notice.NoticePriority;
import com.gatehouse.api.notice.NoticeType;
import com.gatehouse.api.notice.NoticeView;
import com.gatehouse.projection.notice.NoticeReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/**
 * The notice board. Members (residents, guards, auditors, admins) see the society's published, unexpired notices,
 * pinned first; admins see also scheduled and expired ones. Another society's notice, a deleted one, and for members
 * one not on the board answer 404.
 */
@RestController
@RequestMapping("/api/v1/community/notices")
@Tag(name = "Notices")
public class NoticeQueryController {

    private static final Logger log = LoggerFactory.getLogger(NoticeQueryController.class);

    private final NoticeReadModel notices;
    private final CommandGateway commands;

    public NoticeQueryController(NoticeReadModel notices, CommandGateway commands) {
        this.notices = notices;
        this.commands = commands;
    }

    @GetMapping
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "The notice board, pinned first, then the latest publication first",
            description = "Filters type, priority, isPinned. Members see only published notices that have not expired. "
                    + "Admins see every notice of the society (scheduled ones with isPublished false, expired ones with "
                    + "isActive false) and may filter isPublished and isActive. Response: {notices: [...], pagination}.")
    public Mono<Map<String, Object>> board(Caller caller, @RequestParam(required = false) NoticeType type,
                                           @RequestParam(required = false) NoticePriority priority,
                                           @RequestParam(required = false) Boolean isPinned,
                                           @RequestParam(required = false) Boolean isPublished,
                                           @RequestParam(required = false) Boolean isActive,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        boolean admin = caller.role() == Role.ADMIN;
        return Blocking.read(() -> Paged.body("notices", notices.board(caller.societyId(), admin, type, priority,
                isPinned, isPublished, isActive, request), request));
    }

    @GetMapping("/{id}")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "A notice; opening it counts a view",
            description = "Each member's first read of a published notice adds one to viewCount (counted once per "
                    + "user, shortly after the answer). Members: only notices on the board; admins: any of the society.")
    public Mono<NoticeView> notice(Caller caller, @PathVariable UUID id) {
        return Blocking.readOptional(() -> notices.find(id)
                        .filter(view -> view.societyId().equals(caller.societyId()))
                        .filter(view -> caller.role() == Role.ADMIN || (view.isPublished() && view.isActive()))
                        .map(view -> {
                            if (view.isPublished() && !notices.viewed(id, caller.userId())) {
                                countView(caller, id);
                            }
                            return view;
                        }))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Notice")));
    }

    /** Records the member's view (the read model counts each member once); a failure only loses a count. */
    private void countView(Caller caller, UUID id) {
        commands.send(GenericCommandMessage.asCommandMessage(new RecordNoticeView(new NoticeId(id),
                        new SocietyId(caller.societyId()), new UserId(caller.userId())))
                .andMetaData(MetaDataKeys.of(caller)))
                .exceptionally(error -> {
                    log.debug("View of notice {} not counted: {}", id, error.toString());
                    return null;
                });
    }
}
