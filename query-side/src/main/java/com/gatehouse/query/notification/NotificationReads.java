package com.gatehouse.query.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.notification.NotificationViews.NotificationChange;
import com.gatehouse.api.notification.NotificationViews.NotificationView;
import com.gatehouse.projection.notification.NotificationTable;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Reads of the notification read model, reactive (R2DBC): no JDBC thread is held while a client waits. */
@Repository
public class NotificationReads {

    private final DatabaseClient db;
    private final ObjectMapper json;

    public NotificationReads(DatabaseClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<NotificationView> find(UUID id) {
        return db.sql("select * from notification where id = :id").bind("id", id)
                .map(this::view).one();
    }

    /** One page of the user's notifications, newest first. */
    public Mono<PageRequest.Slice<NotificationView>> page(UUID user, boolean unreadOnly, PageRequest page) {
        String where = "user_id = :user" + (unreadOnly ? " and not is_read" : "");
        Mono<List<NotificationView>> items = db.sql("select * from notification where " + where
                        + " order by created_at desc, sent_seq desc limit :limit offset :offset")
                .bind("user", user).bind("limit", page.limit()).bind("offset", page.offset())
                .map(this::view).all().collectList();
        Mono<Long> total = db.sql("select count(*) from notification where " + where).bind("user", user)
                .map(row -> row.get(0, Long.class)).one();
        return Mono.zip(items, total, PageRequest.Slice::new);
    }

    public Mono<Long> unreadCount(UUID user) {
        return db.sql("select count(*) from notification where user_id = :user and not is_read").bind("user", user)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** The user's unread notifications, oldest first. */
    public Mono<List<UUID>> unreadIds(UUID user) {
        return db.sql("select id from notification where user_id = :user and not is_read order by change_seq")
                .bind("user", user).map(row -> row.get(0, UUID.class)).all().collectList();
    }

    /** The position of the user's latest change: every change up to it is in the table, none after it. */
    public Mono<Long> head(UUID user) {
        return db.sql("select coalesce(max(change_seq), 0) from notification where user_id = :user")
                .bind("user", user).map(row -> row.get(0, Long.class)).one();
    }

    /** Where one of the user's notifications was sent in the user's feed; empty when it is not (any more) theirs. */
    public Mono<Long> sentSeq(UUID user, UUID notificationId) {
        return db.sql("select sent_seq from notification where id = :id and user_id = :user")
                .bind("id", notificationId).bind("user", user).map(row -> row.get(0, Long.class)).one();
    }

    /**
     * Part of a stream's first, stored part: up to {@code limit} of the user's rows whose last change lies
     * in ({@code after}, {@code head}], in feed order, optionally only unread ones or ones sent or read after
     * a time. A short query per page, so a slow client holds no connection.
     */
    public Mono<List<NotificationChange>> feedPage(UUID user, long after, long head, boolean unreadOnly,
                                                  Instant changedAfter, int limit) {
        var sql = new StringBuilder("select * from notification where user_id = :user and change_seq > :after"
                + " and change_seq <= :head");
        if (unreadOnly) {
            sql.append(" and not is_read");
        }
        if (changedAfter != null) {
            sql.append(" and (created_at > :since or read_at > :since)");
        }
        sql.append(" order by change_seq limit :limit");
        var spec = db.sql(sql.toString()).bind("user", user).bind("after", after).bind("head", head)
                .bind("limit", limit);
        if (changedAfter != null) {
            spec = spec.bind("since", changedAfter.atOffset(ZoneOffset.UTC));
        }
        return spec.map(row -> new NotificationChange(view(row), NotificationTable.changeSeq(row::get)))
                .all().collectList();
    }

    private NotificationView view(Readable row) {
        return NotificationTable.view(row::get, json);
    }
}
