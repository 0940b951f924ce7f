package com.gatehouse.projection.report;

import com.gatehouse.api.report.ReportViews.CompanyDeliveries;
import com.gatehouse.api.report.ReportViews.EntryDay;
import com.gatehouse.api.report.ReportViews.HourOfDay;
import com.gatehouse.api.report.ReportViews.StaffAttendance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.UUID;

/** The analytics queries over the report projections' tables. Days and hours are the society's (its time zone). */
@Repository
public class ReportReadModel {

    private final JdbcTemplate jdbc;

    public ReportReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per staff member with a visit starting in [from, to): days present, visits, hours (closed visits). */
    public List<StaffAttendance> staffAttendance(UUID society, ZoneId zone, Instant from, Instant to) {
        return jdbc.query("""
                        select staff_id,
                               (array_agg(staff_name order by check_in_time desc))[1] as name,
                               (array_agg(staff_type order by check_in_time desc))[1] as staff_type,
                               count(distinct (check_in_time at time zone ?)::date) as days_present,
                               count(*) as visits,
                               coalesce(sum(minutes), 0) as minutes
                        from report_staff_visit
                        where society_id = ? and check_in_time >= ? and check_in_time < ?
                        group by staff_id
                        order by minutes desc, name""",
                (rs, i) -> new StaffAttendance(rs.getObject("staff_id", UUID.class), rs.getString("name"),
                        rs.getString("staff_type"), rs.getLong("days_present"), rs.getLong("visits"),
                        Math.round(rs.getLong("minutes") / 60.0 * 100) / 100.0),
                zone.getId(), society, Timestamp.from(from), Timestamp.from(to));
    }

    /** Per day of raising (in {@code zone}): counts by type then status, and the median seconds from raise to decision. */
    public List<EntryDay> entryDays(UUID society, ZoneId zone, Instant from, Instant to) {
        Map<LocalDate, Map<String, Map<String, Long>>> counts = new TreeMap<>();
        Map<LocalDate, Long> totals = new TreeMap<>();
        jdbc.query("""
                        select (raised_at at time zone ?)::date as day, type, status, count(*) as n
                        from report_entry_request
                        where society_id = ? and raised_at >= ? and raised_at < ?
                        group by 1, 2, 3""",
                rs -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    counts.computeIfAbsent(day, d -> new TreeMap<>())
                            .computeIfAbsent(rs.getString("type"), t -> new TreeMap<>())
                            .put(rs.getString("status"), rs.getLong("n"));
                    totals.merge(day, rs.getLong("n"), Long::sum);
                }, zone.getId(), society, Timestamp.from(from), Timestamp.from(to));
        Map<LocalDate, Double> medians = new HashMap<>();
        jdbc.query("""
                        select (raised_at at time zone ?)::date as day,
                               percentile_cont(0.5) within group (order by extract(epoch from decided_at - raised_at)) as median
                        from report_entry_request
                        where society_id = ? and raised_at >= ? and raised_at < ? and decided_at is not null
                        group by 1""",
                rs -> {
                    medians.put(rs.getObject("day", LocalDate.class), Math.round(rs.getDouble("median") * 10) / 10.0);
                }, zone.getId(), society, Timestamp.from(from), Timestamp.from(to));
        return counts.entrySet().stream()
                .map(day -> new EntryDay(day.getKey(), totals.get(day.getKey()), day.getValue(), medians.get(day.getKey())))
                .toList();
    }

    /** Requests raised and visitors let in, by hour of day in {@code zone} (all 24 hours, zeros included). */
    public List<HourOfDay> peakHours(UUID society, ZoneId zone, Instant from, Instant to) {
        long[] requests = byHour("report_entry_request", "raised_at", society, zone, from, to);
        long[] entries = byHour("report_entry", "entered_at", society, zone, from, to);
        List<HourOfDay> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(new HourOfDay(hour, requests[hour], entries[hour]));
        }
        return hours;
    }

    private long[] byHour(String table, String column, UUID society, ZoneId zone, Instant from, Instant to) {
        long[] counts = new long[24];
        jdbc.query("select extract(hour from " + column + " at time zone ?)::int as hour, count(*) as n from " + table
                        + " where society_id = ? and " + column + " >= ? and " + column + " < ? group by 1",
                rs -> {
                    counts[rs.getInt("hour")] = rs.getLong("n");
                }, zone.getId(), society, Timestamp.from(from), Timestamp.from(to));
        return counts;
    }

    /** Deliveries let in within [from, to), per company (OTHER when none was given), busiest first. */
    public List<CompanyDeliveries> deliveryPatterns(UUID society, Instant from, Instant to) {
        return jdbc.query("""
                        select coalesce(provider, 'OTHER') as company, count(*) as n,
                            count(*) filter (where auto_approved) as auto
                        from report_entry where society_id = ? and type = 'DELIVERY' and entered_at >= ? and entered_at < ?
                        group by 1 order by n desc, company""",
                (rs, i) -> new CompanyDeliveries(rs.getString("company"), rs.getLong("n"), rs.getLong("auto")),
                society, Timestamp.from(from), Timestamp.from(to));
    }

    /** Visitors let in within [from, to). */
    public long entriesAdmitted(UUID society, Instant from, Instant to) {
        return jdbc.queryForObject("select count(*) from report_entry where society_id = ? and entered_at >= ? and entered_at < ?",
                Long.class, society, Timestamp.from(from), Timestamp.from(to));
    }

    /** Entry requests raised within [from, to), counted by their status now. */
    public Map<String, Long> requestsByStatus(UUID society, Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("""
                        select status, count(*) as n from report_entry_request
                        where society_id = ? and raised_at >= ? and raised_at < ? group by status""",
                rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                }, society, Timestamp.from(from), Timestamp.from(to));
        return counts;
    }
}
