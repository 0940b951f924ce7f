package com.gatehouse.projection.privacy;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.privacy.PrivacyViews.LegalHoldView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A society's own retention settings and the legal holds in force (written by {@link PrivacySettingsProjection}). */
@Repository
public class PrivacySettingsReadModel {

    /** A society's own retention, in days (null: the installation's), with its last change. */
    public record OwnRetention(Integer visitorDays, Integer entryPhotoDays, Integer deactivatedDays, UUID changedBy,
                               Instant changedAt) {
    }

    static final RowMapper<LegalHoldView> HOLD = (rs, i) -> new LegalHoldView(rs.getObject("hold_id", UUID.class),
            DataSubject.Kind.valueOf(rs.getString("subject_kind")), rs.getObject("subject_id", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getString("reason"), rs.getObject("placed_by", UUID.class),
            rs.getTimestamp("placed_at").toInstant());

    private final JdbcTemplate jdbc;

    public PrivacySettingsReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OwnRetention> retention(UUID society) {
        return jdbc.query("select * from privacy_retention_view where society_id = ?", (rs, i) -> new OwnRetention(
                rs.getObject("visitor_days", Integer.class), rs.getObject("entry_photo_days", Integer.class),
                rs.getObject("deactivated_days", Integer.class), rs.getObject("changed_by", UUID.class),
                rs.getTimestamp("changed_at").toInstant()), society).stream().findFirst();
    }

    /** The holds in force in a society ({@code null}: every society), newest first. */
    public PageRequest.Slice<LegalHoldView> holds(UUID society, PageRequest page) {
        Long total = jdbc.queryForObject("select count(*) from legal_hold_view where ?::uuid is null or society_id = ?",
                Long.class, society, society);
        List<LegalHoldView> items = jdbc.query("""
                        select * from legal_hold_view where ?::uuid is null or society_id = ?
                        order by placed_at desc, subject_id limit ? offset ?""", HOLD,
                society, society, page.limit(), page.offset());
        return new PageRequest.Slice<>(items, total == null ? 0 : total);
    }

}
