package com.gatehouse.projection.privacy;

import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.privacy.PrivacyViews.ErasureRequestView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Erasure requests for admins: a society's (or every society's), newest first, optionally by status. */
@Repository
public class ErasureRequestReadModel {

    static final RowMapper<ErasureRequestView> VIEW = (rs, i) -> new ErasureRequestView(rs.getObject("id", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("user_name"),
            rs.getString("status"), instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("carried_out_at")),
            rs.getObject("carried_out_by", UUID.class));

    private final JdbcTemplate jdbc;

    public ErasureRequestReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code society} null: every society; {@code status} null: every status. */
    public PageRequest.Slice<ErasureRequestView> page(UUID society, String status, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (society != null) {
            where.append(" and r.society_id = ?");
            args.add(society);
        }
        if (status != null) {
            where.append(" and r.status = ?");
            args.add(status);
        }
        Long total = jdbc.queryForObject("select count(*) from erasure_request r" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.limit());
        pageArgs.add(page.offset());
        List<ErasureRequestView> items = jdbc.query("""
                select r.*, u.name as user_name from erasure_request r left join directory_user u on u.id = r.user_id"""
                + where + " order by r.requested_at desc, r.id limit ? offset ?", VIEW, pageArgs.toArray());
        return new PageRequest.Slice<>(items, total == null ? 0 : total);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
