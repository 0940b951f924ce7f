package com.gatehouse.projection.staff;

import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.staff.RateType;
import com.gatehouse.api.staff.StaffViews.StaffAssignmentView;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.enumOrNull;
import static com.gatehouse.projection.common.Rows.instant;

/** Reads of the flats each staff member works for, with what each flat agreed. */
@Repository
public class StaffAssignmentReadModel {

    static final RowMapper<StaffAssignmentView> ASSIGNMENT = (rs, i) -> new StaffAssignmentView(
            rs.getObject("staff_id", UUID.class), rs.getObject("society_id", UUID.class),
            rs.getObject("flat_id", UUID.class), days(rs.getArray("working_days")),
            rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
            rs.getBigDecimal("agreed_rate"), enumOrNull(RateType.class, rs.getString("rate_type")),
            instant(rs, "assigned_at"), instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public StaffAssignmentReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StaffAssignmentView> find(UUID staffId, UUID flatId) {
        return jdbc.query("select * from staff_assignment where staff_id = ? and flat_id = ?", ASSIGNMENT, staffId, flatId)
                .stream().findFirst();
    }

    /** The staff member's flats (only {@code flatId} when it is set), oldest assignment first. */
    public PageRequest.Slice<StaffAssignmentView> of(UUID staffId, UUID flatId, PageRequest page) {
        Where where = Where.is("staff_id", staffId);
        if (flatId != null) {
            where = where.and("flat_id = ?", flatId);
        }
        return Paging.slice(jdbc, "staff_assignment", where, "assigned_at, flat_id", ASSIGNMENT, page);
    }

    private static List<DayOfWeek> days(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).map(DayOfWeek::valueOf).toList();
    }
}
