package com.gatehouse.projection.notice;

import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.notice.NoticePriority;
import com.gatehouse.api.notice.NoticeType;
import com.gatehouse.api.notice.NoticeView;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The notice board: written by {@link NoticeProjection}, read by the query side. */
@Repository
public class NoticeReadModel {

    /** A notice members see: published and not expired. */
    static final String ON_THE_BOARD = "published_at is not null and (expires_at is null or expires_at > now())";

    static final RowMapper<NoticeView> NOTICE = (rs, i) -> {
        Instant expiresAt = instant(rs, "expires_at");
        return new NoticeView(rs.getObject("id", UUID.class), NoticeType.valueOf(rs.getString("type")),
                NoticePriority.valueOf(rs.getString("priority")), rs.getString("title"), rs.getString("description"),
                uuids(rs.getArray("images")), uuids(rs.getArray("documents")),
                rs.getObject("created_by_id", UUID.class), rs.getObject("society_id", UUID.class),
                NoticeType.valueOf(rs.getString("type")).urgent(), rs.getBoolean("is_pinned"),
                rs.getTimestamp("published_at") != null, instant(rs, "publish_at"), instant(rs, "published_at"),
                expiresAt, expiresAt == null || expiresAt.isAfter(Instant.now()), rs.getLong("view_count"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    };

    private final JdbcTemplate jdbc;

    public NoticeReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<NoticeView> find(UUID id) {
        return jdbc.query("select * from notice where id = ?", NOTICE, id).stream().findFirst();
    }

    /**
     * The board of a society, pinned first, then the latest publication first. {@code everything} (admins): also
     * scheduled and expired notices, narrowed by {@code published}/{@code active} when given; otherwise only what is
     * on the board.
     */
    public PageRequest.Slice<NoticeView> board(UUID societyId, boolean everything, NoticeType type,
                                               NoticePriority priority, Boolean pinned, Boolean published,
                                               Boolean active, PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("type = ?", type == null ? null : type.name())
                .and("priority = ?", priority == null ? null : priority.name())
                .and("is_pinned = ?", pinned);
        if (everything) {
            where.and(published, "published_at is not null", "published_at is null")
                    .and(active, "(expires_at is null or expires_at > now())", "expires_at <= now()");
        } else {
            where.and(ON_THE_BOARD);
        }
        return Paging.slice(jdbc, "notice", where, "is_pinned desc, publish_at desc, id", NOTICE, page);
    }

    /** Whether the member has opened the notice before (their view was counted). */
    public boolean viewed(UUID noticeId, UUID userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from notice_view where notice_id = ? and user_id = ?)", Boolean.class,
                noticeId, userId));
    }

    static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** The society's notices published within [from, to). */
    public long publishedBetween(UUID societyId, Instant from, Instant to) {
        return jdbc.queryForObject("""
                select count(*) from notice where society_id = ? and published_at >= ? and published_at < ?""",
                Long.class, societyId, Timestamp.from(from), Timestamp.from(to));
    }
}
