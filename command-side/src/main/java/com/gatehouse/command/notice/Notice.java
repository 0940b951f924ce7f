package com.gatehouse.command.notice;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.notice.NoticeCommand.Content;
import com.gatehouse.api.notice.NoticeCommand.DeleteNotice;
import com.gatehouse.api.notice.NoticeCommand.EditNotice;
import com.gatehouse.api.notice.NoticeCommand.PinNotice;
import com.gatehouse.api.notice.NoticeCommand.PostNotice;
import com.gatehouse.api.notice.NoticeCommand.RecordNoticeView;
import com.gatehouse.api.notice.NoticeEvent.NoticeDeleted;
import com.gatehouse.api.notice.NoticeEvent.NoticeEdited;
import com.gatehouse.api.notice.NoticeEvent.NoticePinned;
import com.gatehouse.api.notice.NoticeEvent.NoticePosted;
import com.gatehouse.api.notice.NoticeEvent.NoticePublished;
import com.gatehouse.api.notice.NoticeEvent.NoticeViewed;
import com.gatehouse.api.notice.NoticeId;
import com.gatehouse.api.notice.NoticePriority;
import com.gatehouse.command.common.Deadlines;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A notice of a society's notice board, posted by an admin.
 * <ul>
 *   <li>Published at once, or at a future {@code publishAt} by a persistent deadline (kept when the server is down:
 *       it fires on the next start). Editing an unpublished notice moves the deadline; the handler re-checks
 *       that the notice is still unpublished and not deleted.</li>
 *   <li>{@code expiresAt} (after {@code publishAt}) only hides it from members: nothing happens at that time.</li>
 *   <li>Any admin of the society edits, pins and deletes it (admins change; the seed allowed only the author).</li>
 *   <li>Another society's notice, and a deleted one, do not exist for the caller (404).</li>
 * </ul>
 */
@Aggregate
public class Notice {

    static final String PUBLISH = "notice-publication";
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 5000;
    public static final int MAX_ATTACHMENTS = 10;

    @AggregateIdentifier
    private NoticeId id;
    private SocietyId society;
    private boolean published;
    private boolean pinned;
    private Instant publishedAt;
    private String publishScheduleId;

    protected Notice() {
    }

    @CommandHandler
    public Notice(PostNotice cmd, Clock clock, DeadlineManager deadlines) {
        Instant now = clock.instant();
        Content content = valid(cmd.content(), now, null);
        boolean later = content.publishAt().isAfter(now);
        String scheduleId = later ? deadlines.schedule(content.publishAt(), PUBLISH) : null;
        apply(new NoticePosted(cmd.noticeId(), cmd.societyId(), cmd.by(), content, cmd.pinned(), now, scheduleId));
        if (!later) {
            apply(new NoticePublished(cmd.noticeId(), cmd.societyId(), now));
        }
    }

    @CommandHandler
    public void handle(EditNotice cmd, Clock clock, DeadlineManager deadlines) {
        requireSociety(cmd.societyId());
        Instant now = clock.instant();
        Content content = valid(cmd.content(), now, published ? publishedAt : null);
        String scheduleId = null;
        boolean publishNow = false;
        if (!published) {
            Deadlines.cancel(deadlines, PUBLISH, publishScheduleId);
            if (content.publishAt().isAfter(now)) {
                scheduleId = deadlines.schedule(content.publishAt(), PUBLISH);
            } else {
                publishNow = true;
            }
        }
        apply(new NoticeEdited(id, society, cmd.by(), content, now, scheduleId));
        if (publishNow) {
            apply(new NoticePublished(id, society, now));
        }
    }

    @CommandHandler
    public void handle(PinNotice cmd, Clock clock) {
        requireSociety(cmd.societyId());
        if (cmd.pinned() != pinned) {
            apply(new NoticePinned(id, society, cmd.by(), cmd.pinned(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(DeleteNotice cmd, Clock clock, DeadlineManager deadlines) {
        requireSociety(cmd.societyId());
        Deadlines.cancel(deadlines, PUBLISH, publishScheduleId);
        apply(new NoticeDeleted(id, society, cmd.by(), clock.instant()));
    }

    /** Only a published notice is read by members; the read model counts each member once. */
    @CommandHandler
    public void handle(RecordNoticeView cmd, Clock clock) {
        requireSociety(cmd.societyId());
        if (published) {
            apply(new NoticeViewed(id, society, cmd.viewer(), clock.instant()));
        }
    }

    /** Its time has come: publish, unless an edit published it already (the deadline lost a race). */
    @DeadlineHandler(deadlineName = PUBLISH)
    void publish(DeadlineMessage<?> deadline, Clock clock) {
        if (published) {
            return;
        }
        apply(new NoticePublished(id, society, clock.instant()));
    }

    /**
     * Checks and normalises the content: title and description required (trimmed), at most
     * {@value #MAX_ATTACHMENTS} images and documents, priority MEDIUM and publication now when not given, an expiry
     * after the publication. {@code publishedAt} non-null: already published, so the publication time stays.
     */
    private static Content valid(Content content, Instant now, Instant publishedAt) {
        if (content.type() == null) {
            throw Problem.invalid("type", "is required");
        }
        String title = content.title() == null ? "" : content.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw Problem.invalid("title", "must be 1 to " + MAX_TITLE + " characters");
        }
        String description = content.description() == null ? "" : content.description().strip();
        if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
            throw Problem.invalid("description", "must be 1 to " + MAX_DESCRIPTION + " characters");
        }
        if (content.images().size() > MAX_ATTACHMENTS) {
            throw Problem.invalid("images", "at most " + MAX_ATTACHMENTS);
        }
        if (content.documents().size() > MAX_ATTACHMENTS) {
            throw Problem.invalid("documents", "at most " + MAX_ATTACHMENTS);
        }
        Instant publishAt = publishedAt != null ? publishedAt
                : content.publishAt() == null || content.publishAt().isBefore(now) ? now : content.publishAt();
        if (content.expiresAt() != null && !content.expiresAt().isAfter(publishAt)) {
            throw Problem.invalid("expiresAt", "must be after the publication (publishAt or now)");
        }
        return new Content(content.type(), content.priority() == null ? NoticePriority.MEDIUM : content.priority(),
                title, description, content.images().stream().distinct().toList(),
                content.documents().stream().distinct().toList(), publishAt, content.expiresAt());
    }

    private void requireSociety(SocietyId callerSociety) {
        if (!society.equals(callerSociety)) {
            throw Problem.notFound("Notice");
        }
    }

    @EventSourcingHandler
    void on(NoticePosted event) {
        id = event.noticeId();
        society = event.societyId();
        pinned = event.pinned();
        publishScheduleId = event.publishScheduleId();
    }

    @EventSourcingHandler
    void on(NoticePublished event) {
        published = true;
        publishedAt = event.publishedAt();
        publishScheduleId = null;
    }

    @EventSourcingHandler
    void on(NoticeEdited event) {
        if (!published) {
            publishScheduleId = event.publishScheduleId();
        }
    }

    @EventSourcingHandler
    void on(NoticePinned event) {
        pinned = event.pinned();
    }

    @EventSourcingHandler
    void on(NoticeDeleted event) {
        publishScheduleId = null;
        AggregateLifecycle.markDeleted();
    }
}
