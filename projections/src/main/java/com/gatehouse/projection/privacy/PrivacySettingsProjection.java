package com.gatehouse.projection.privacy;

import com.gatehouse.api.privacy.LegalHoldEvent.LegalHoldPlaced;
import com.gatehouse.api.privacy.LegalHoldEvent.LegalHoldReleased;
import com.gatehouse.api.privacy.RetentionEvent.RetentionChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * A society's privacy settings as admins read them: its own retention (one row per society, the latest change) and
 * the legal holds in force (a row while placed). Upserts guarded by the aggregate's sequence number; a release
 * removes only the hold it ends, so a re-delivered event changes nothing.
 */
@Component
@ProcessingGroup(PrivacySettingsProjection.GROUP)
public class PrivacySettingsProjection {

    public static final String GROUP = "privacy-settings";

    private final JdbcTemplate jdbc;

    public PrivacySettingsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RetentionChanged event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into privacy_retention_view (society_id, visitor_days, entry_photo_days, deactivated_days,
                                                            changed_by, changed_at, version)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (society_id) do update set visitor_days = excluded.visitor_days,
                            entry_photo_days = excluded.entry_photo_days, deactivated_days = excluded.deactivated_days,
                            changed_by = excluded.changed_by, changed_at = excluded.changed_at, version = excluded.version
                        where privacy_retention_view.version < excluded.version""",
                event.societyId().value(), event.visitorRetentionDays(), event.entryPhotoRetentionDays(),
                event.deactivatedRetentionDays(), event.by() == null ? null : event.by().value(),
                Timestamp.from(event.changedAt()), version);
    }

    @EventHandler
    void on(LegalHoldPlaced event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into legal_hold_view (subject_id, hold_id, subject_kind, society_id, reason, placed_by,
                                                     placed_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (subject_id) do update set reason = excluded.reason, placed_by = excluded.placed_by,
                            placed_at = excluded.placed_at, version = excluded.version
                        where legal_hold_view.version < excluded.version""",
                event.subject().id(), event.holdId().value(), event.subject().kind().name(),
                event.societyId() == null ? null : event.societyId().value(), event.reason(),
                event.by() == null ? null : event.by().value(), Timestamp.from(event.placedAt()), version);
    }

    @EventHandler
    void on(LegalHoldReleased event, @SequenceNumber long version) {
        jdbc.update("delete from legal_hold_view where subject_id = ? and version < ?", event.subject().id(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate privacy_retention_view, legal_hold_view");
    }
}
