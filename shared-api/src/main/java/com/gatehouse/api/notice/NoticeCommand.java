package com.gatehouse.api.notice;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What can be asked of a notice. The society is always the caller's (from the token). */
public sealed interface NoticeCommand {

    NoticeId noticeId();

    /** The content of a notice as an admin writes it; images and documents are confirmed upload ids. */
    record Content(NoticeType type, NoticePriority priority, String title, String description, List<UUID> images,
                   List<UUID> documents, Instant publishAt, Instant expiresAt) {
        public Content {
            images = images == null ? List.of() : List.copyOf(images);
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /** An admin posts a notice: published now, or at {@code content.publishAt} when that is in the future. */
    record PostNotice(@TargetAggregateIdentifier NoticeId noticeId, SocietyId societyId, UserId by, Content content,
                      boolean pinned) implements NoticeCommand {
    }

    /** Any admin of the society replaces a notice's content (a published notice keeps its publication time). */
    record EditNotice(@TargetAggregateIdentifier NoticeId noticeId, SocietyId societyId, UserId by, Content content)
            implements NoticeCommand {
    }

    /** Any admin of the society pins or unpins it (pinned notices list first). */
    record PinNotice(@TargetAggregateIdentifier NoticeId noticeId, SocietyId societyId, UserId by, boolean pinned)
            implements NoticeCommand {
    }

    /** Any admin of the society takes it off the board for good. */
    record DeleteNotice(@TargetAggregateIdentifier NoticeId noticeId, SocietyId societyId, UserId by)
            implements NoticeCommand {
    }

    /** A member opened a published notice (counted once per member by the read model). */
    record RecordNoticeView(@TargetAggregateIdentifier NoticeId noticeId, SocietyId societyId, UserId viewer)
            implements NoticeCommand {
    }
}
