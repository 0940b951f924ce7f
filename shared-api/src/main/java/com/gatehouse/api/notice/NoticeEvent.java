package com.gatehouse.api.notice;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notice.NoticeCommand.Content;

import java.time.Instant;

/** What happened to a notice. */
public sealed interface NoticeEvent {

    NoticeId noticeId();

    SocietyId societyId();

    /** Posted; {@code publishScheduleId} is the deadline that publishes it at {@code content.publishAt} (null: published at once). */
    record NoticePosted(NoticeId noticeId, SocietyId societyId, UserId by, Content content, boolean pinned,
                        Instant postedAt, String publishScheduleId) implements NoticeEvent {
    }

    /** On the board from now on: every member is notified (urgent types with high priority). */
    record NoticePublished(NoticeId noticeId, SocietyId societyId, Instant publishedAt) implements NoticeEvent {
    }

    /** The content was replaced; an unpublished notice's deadline moved ({@code publishScheduleId}, null when none). */
    record NoticeEdited(NoticeId noticeId, SocietyId societyId, UserId by, Content content, Instant editedAt,
                        String publishScheduleId) implements NoticeEvent {
    }

    record NoticePinned(NoticeId noticeId, SocietyId societyId, UserId by, boolean pinned, Instant at)
            implements NoticeEvent {
    }

    record NoticeDeleted(NoticeId noticeId, SocietyId societyId, UserId by, Instant deletedAt) implements NoticeEvent {
    }

    record NoticeViewed(NoticeId noticeId, SocietyId societyId, UserId viewer, Instant viewedAt)
            implements NoticeEvent {
    }
}
