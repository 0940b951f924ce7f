package com.gatehouse.projection.staff;

import com.gatehouse.api.staff.StaffEvent.StaffAssignedToFlat;
import com.gatehouse.api.staff.StaffEvent.StaffAssignmentTermsSet;
import com.gatehouse.api.staff.StaffEvent.StaffRegistered;
import com.gatehouse.api.staff.StaffEvent.StaffUnassignedFromFlat;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.ts;

/**
 * One row per flat a staff member works for, with the terms that flat agreed (working days and hours, rate). JDBC
 * in the processor's transaction; each row carries the staff member's sequence number, so a re-delivered event
 * changes nothing, and a flat removed and added again starts without terms.
 */
@Component
@ProcessingGroup(StaffAssignmentProjection.GROUP)
public class StaffAssignmentProjection {

    public static final String GROUP = "staff-assignments";

    private final JdbcTemplate jdbc;

    public StaffAssignmentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffRegistered event, @SequenceNumber long version) {
        event.flatIds().forEach(flat -> assigned(event.staffId().value(), event.societyId().value(), flat.value(),
                event.registeredAt(), version));
    }

    @EventHandler
    void on(StaffAssignedToFlat event, @SequenceNumber long version) {
        assigned(event.staffId().value(), event.societyId().value(), event.flatId().value(), event.assignedAt(), version);
    }

    @EventHandler
    void on(StaffUnassignedFromFlat event, @SequenceNumber long version) {
        jdbc.update("delete from staff_assignment where staff_id = ? and flat_id = ? and version < ?",
                event.staffId().value(), event.flatId().value(), version);
    }

    @EventHandler
    void on(StaffAssignmentTermsSet event, @SequenceNumber long version) {
        var terms = event.terms();
        jdbc.update("""
                        update staff_assignment set working_days = ?, start_time = ?, end_time = ?, agreed_rate = ?,
                            rate_type = ?, updated_at = ?, version = ?
                        where staff_id = ? and flat_id = ? and version < ?""",
                terms.workingDays().stream().map(Enum::name).toArray(String[]::new), terms.startTime(), terms.endTime(),
                terms.agreedRate(), terms.rateType() == null ? null : terms.rateType().name(), ts(event.setAt()), version,
                event.staffId().value(), event.flatId().value(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate staff_assignment");
    }

    private void assigned(UUID staff, UUID society, UUID flat, Instant at, long version) {
        jdbc.update("""
                        insert into staff_assignment (staff_id, flat_id, society_id, working_days, assigned_at, updated_at, version)
                        values (?, ?, ?, '{}', ?, ?, ?)
                        on conflict (staff_id, flat_id) do update set society_id = excluded.society_id,
                            working_days = '{}', start_time = null, end_time = null, agreed_rate = null, rate_type = null,
                            assigned_at = excluded.assigned_at, updated_at = excluded.updated_at, version = excluded.version
                        where staff_assignment.version < excluded.version""",
                staff, flat, society, ts(at), ts(at), version);
    }
}
