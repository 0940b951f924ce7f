package com.gatehouse.projection.report;

import com.gatehouse.api.report.ReportViews.StaffAttendance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The analytics queries over the report projections' tables. Days are UTC days. */
@Repository
public class ReportReadModel {

    private final JdbcTemplate jdbc;

    public ReportReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per staff member with a visit starting in [from, to): days present, visits, hours (closed visits). */
    public List<StaffAttendance> staffAttendance(UUID society, Instant from, Instant to) {
        return jdbc.query("""
                        select staff_id,
                               (array_agg(staff_name order by check_in_time desc))[1] as name,
                               (array_agg(staff_type order by check_in_time desc))[1] as staff_type,
                               count(distinct (check_in_time at time zone 'UTC')::date) as days_present,
                               count(*) as visits,
                               coalesce(sum(minutes), 0) as minutes
                        from report_staff_visit
                        where society_id = ? and check_in_time >= ? and check_in_time < ?
                        group by staff_id
                        order by minutes desc, name""",
                (rs, i) -> new StaffAttendance(rs.getObject("staff_id", UUID.class), rs.getString("name"),
                        rs.getString("staff_type"), rs.getLong("days_present"), rs.getLong("visits"),
                        Math.round(rs.getLong("minutes") / 60.0 * 100) / 100.0),
                society, Timestamp.from(from), Timestamp.from(to));
    }
}
