package com.gatehouse.projection.notice;

import com.gatehouse.api.notice.NoticeCommand.Content;
import com.gatehouse.api.notice.NoticeEvent.NoticeDeleted;
import com.gatehouse.api.notice.NoticeEvent.NoticeEdited;
import com.gatehouse.api.notice.NoticeEvent.NoticePinned;
import com.gatehouse.api.notice.NoticeEvent.NoticePosted;
import com.gatehouse.api.notice.NoticeEvent.NoticePublished;
import com.gatehouse.api.notice.NoticeEvent.NoticeViewed;
import com.gatehouse.api.notice.NoticePriority;
import com.gatehouse.api.notice.NoticeType;
import com.gatehouse.api.notification.AnnouncementEvent.AnnouncementMade;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.List;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.ts;

/**
 * Builds the notice board and tells REST calls waiting for their change. JDBC in the processor's transaction;
 * inserts are insert-if-absent, updates guarded by the aggregate sequence number, views counted once per member
 * (a {@code notice_view} row), so a re-delivered event changes nothing. Announcements made before notices existed
 * ({@link AnnouncementMade}) are on the board as GENERAL notices published when made.
 */
@Component
@ProcessingGroup(NoticeProjection.GROUP)
public class NoticeProjection {

    public static final String GROUP = "notices";

    private final JdbcTemplate jdbc;

    public NoticeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NoticePosted event, @SequenceNumber long version) {
        Content c = event.content();
        jdbc.update("""
                        insert into notice (id, society_id, type, priority, title, description, images, documents,
                            created_by_id, is_pinned, publish_at, expires_at, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.noticeId().value(), event.societyId().value(), c.type().name(), c.priority().name(), c.title(),
                c.description(), array(c.images()), array(c.documents()), event.by().value(), event.pinned(),
                ts(c.publishAt()), ts(c.expiresAt()), ts(event.postedAt()), ts(event.postedAt()), version);
    }

    @EventHandler
    void on(AnnouncementMade event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into notice (id, society_id, type, priority, title, description, images, documents,
                            created_by_id, is_pinned, publish_at, published_at, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, '{}', '{}', ?, false, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.announcementId().value(), event.societyId().value(), NoticeType.GENERAL.name(),
                NoticePriority.MEDIUM.name(), event.title(), event.message(), event.by().value(), ts(event.madeAt()),
                ts(event.madeAt()), ts(event.madeAt()), ts(event.madeAt()), version);
    }

    @EventHandler
    void on(NoticePublished event, @SequenceNumber long version) {
        jdbc.update("""
                        update notice set published_at = ?, publish_at = ?, updated_at = ?, version = ?
                        where id = ? and version < ?""",
                ts(event.publishedAt()), ts(event.publishedAt()), ts(event.publishedAt()), version,
                event.noticeId().value(), version);
    }

    @EventHandler
    void on(NoticeEdited event, @SequenceNumber long version) {
        Content c = event.content();
        jdbc.update("""
                        update notice set type = ?, priority = ?, title = ?, description = ?, images = ?, documents = ?,
                            publish_at = ?, expires_at = ?, updated_at = ?, version = ? where id = ? and version < ?""",
                c.type().name(), c.priority().name(), c.title(), c.description(), array(c.images()),
                array(c.documents()), ts(c.publishAt()), ts(c.expiresAt()), ts(event.editedAt()), version,
                event.noticeId().value(), version);
    }

    @EventHandler
    void on(NoticePinned event, @SequenceNumber long version) {
        jdbc.update("update notice set is_pinned = ?, updated_at = ?, version = ? where id = ? and version < ?",
                event.pinned(), ts(event.at()), version, event.noticeId().value(), version);
    }

    @EventHandler
    void on(NoticeViewed event) {
        int first = jdbc.update("insert into notice_view (notice_id, user_id) values (?, ?) on conflict do nothing",
                event.noticeId().value(), event.viewer().value());
        if (first == 1) {
            jdbc.update("update notice set view_count = view_count + 1 where id = ?", event.noticeId().value());
        }
    }

    @EventHandler
    void on(NoticeDeleted event) {
        jdbc.update("delete from notice where id = ?", event.noticeId().value());
        jdbc.update("delete from notice_view where notice_id = ?", event.noticeId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate notice, notice_view");
    }

    private Array array(List<UUID> ids) {
        return jdbc.execute((ConnectionCallback<Array>) connection -> connection.createArrayOf("uuid", ids.toArray()));
    }

}
