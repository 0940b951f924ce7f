package com.gatehouse.projection.preapproval;

import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.preapproval.PreApprovalStatus;
import com.gatehouse.api.preapproval.PreApprovalViews.PreApprovalView;
import com.gatehouse.api.preapproval.VisitorType;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.instant;

/** The pre-approval table: written by {@link PreApprovalProjection}, read by the query side. */
@Repository
public class PreApprovalReadModel {

    static final RowMapper<PreApprovalView> VIEW = (rs, i) -> {
        int maxUses = rs.getInt("max_uses");
        int used = rs.getInt("used_count");
        PreApprovalStatus status = PreApprovalStatus.valueOf(rs.getString("status"));
        return new PreApprovalView(rs.getObject("id", UUID.class), rs.getObject("society_id", UUID.class),
                rs.getObject("flat_id", UUID.class), rs.getObject("created_by_id", UUID.class),
                rs.getString("visitor_name"), rs.getString("visitor_phone"),
                VisitorType.valueOf(rs.getString("visitor_type")), rs.getString("purpose"),
                rs.getString("vehicle_number"), instant(rs, "valid_from"), instant(rs, "valid_until"), maxUses, used,
                status == PreApprovalStatus.ACTIVE ? maxUses - used : 0, status, rs.getString("code"),
                instant(rs, "last_used_at"), instant(rs, "ended_at"), instant(rs, "created_at"),
                rs.getBoolean("erased"));
    };

    private final JdbcTemplate jdbc;

    public PreApprovalReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PreApprovalView> find(UUID id) {
        return jdbc.query("select * from pre_approval where id = ?", VIEW, id).stream().findFirst();
    }

    /** Pre-approvals of a society, optionally of one flat and one status, newest first. */
    public PageRequest.Slice<PreApprovalView> list(UUID societyId, UUID flatId, PreApprovalStatus status,
                                                  PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("flat_id = ?", flatId)
                .and("status = ?", status == null ? null : status.name());
        return Paging.slice(jdbc, "pre_approval", where, "created_at desc, id", VIEW, page);
    }

    /** The society's active pre-approvals valid at some time in [from, to), soonest first: the gate's day. */
    public List<PreApprovalView> activeBetween(UUID societyId, Instant from, Instant to, int limit) {
        return Paging.first(jdbc, "pre_approval", Where.is("society_id", societyId).and("status = 'ACTIVE'")
                .and("valid_from < ?", to).and("valid_until > ?", from), "valid_from, id", VIEW, limit);
    }
}
