package com.gatehouse.command.privacy;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.directory.UserEvent.FamilyMemberRemoved;
import com.gatehouse.api.directory.UserEvent.UserDeactivated;
import com.gatehouse.api.directory.UserEvent.UserReactivated;
import com.gatehouse.api.staff.StaffEvent.StaffDeactivated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Who has been deactivated since when (table {@code privacy_deactivation}, command side), for the retention rule
 * that erases a deactivated resident's or staff member's data {@code gatehouse.privacy.deactivated-retention}
 * (P30D) after their deactivation ({@link Retention#sweepDeactivated}). A reactivated user leaves the table. Built
 * from the events (from the first one when the group starts), each write idempotent.
 */
@Component
@ProcessingGroup(Deactivations.GROUP)
public class Deactivations {

    public static final String GROUP = "privacy-deactivations";

    private final JdbcTemplate jdbc;

    public Deactivations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserDeactivated event) {
        deactivated(DataSubject.user(event.userId().value()), event.societyId() == null ? null
                : event.societyId().value(), event.deactivatedAt());
    }

    @EventHandler
    void on(FamilyMemberRemoved event) {
        deactivated(DataSubject.user(event.userId().value()), event.societyId().value(), event.removedAt());
    }

    @EventHandler
    void on(UserReactivated event) {
        jdbc.update("delete from privacy_deactivation where subject_id = ?", event.userId().value());
    }

    @EventHandler
    void on(StaffDeactivated event) {
        deactivated(DataSubject.staff(event.staffId().value()), event.societyId().value(), event.deactivatedAt());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate privacy_deactivation");
    }

    private void deactivated(DataSubject subject, UUID society, Instant at) {
        jdbc.update("""
                        insert into privacy_deactivation (subject_id, subject_kind, society_id, deactivated_at)
                        values (?, ?, ?, ?) on conflict (subject_id) do nothing""",
                subject.id(), subject.kind().name(), society, Timestamp.from(at));
    }
}
