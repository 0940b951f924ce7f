package com.gatehouse.projection.entry;

import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.EntryViews.EntryView;
import com.gatehouse.api.entry.ProviderTag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.gatehouse.projection.entry.EntryRequestReadModel.enumOrNull;
import static com.gatehouse.projection.entry.EntryRequestReadModel.instant;

/** The gate-log table: written by {@link GateLogProjection}, read by the query side. */
@Repository
public class GateLogReadModel {

    static final RowMapper<EntryView> ENTRY = (rs, i) -> new EntryView(rs.getObject("id", UUID.class),
            rs.getObject("entry_request_id", UUID.class), EntryType.valueOf(rs.getString("type")),
            rs.getString("visitor_name"), rs.getString("visitor_phone"),
            enumOrNull(ProviderTag.class, rs.getString("provider_tag")), rs.getString("photo_key"),
            rs.getObject("flat_id", UUID.class), rs.getObject("society_id", UUID.class),
            rs.getObject("guard_id", UUID.class), rs.getObject("approved_by_id", UUID.class),
            instant(rs, "entered_at"), instant(rs, "exited_at"), rs.getObject("checked_out_by_id", UUID.class),
            instant(rs, "overstay_alerted_at"), rs.getObject("pre_approval_id", UUID.class),
            rs.getString("auto_approval_reason") != null, rs.getString("auto_approval_reason"),
            rs.getString("vehicle_number"), (Integer) rs.getObject("package_count"));

    private final JdbcTemplate jdbc;

    public GateLogReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EntryView> find(UUID id) {
        return jdbc.query("select * from gate_entry where id = ?", ENTRY, id).stream().findFirst();
    }

    /**
     * Entries of a society, newest first: optionally of one flat, entered at or after {@code from} and
     * before {@code to}, and only open ({@code open} true) or only checked out (false).
     */
    public PageRequest.Slice<EntryView> list(UUID societyId, UUID flatId, Instant from, Instant to, Boolean open,
                                            PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("flat_id = ?", flatId)
                .and("entered_at >= ?", from)
                .and("entered_at < ?", to)
                .and(open, "exited_at is null", "exited_at is not null");
        return Paging.slice(jdbc, "gate_entry", where, "entered_at desc, id", ENTRY, page);
    }

    /** The open entries of a society (or of one flat), newest first: a live feed's initial state. */
    public List<EntryView> open(UUID societyId, UUID flatId, int limit) {
        return Paging.first(jdbc, "gate_entry",
                Where.is("society_id", societyId).and("flat_id = ?", flatId).and("exited_at is null"),
                "entered_at desc, id", ENTRY, limit);
    }
}
