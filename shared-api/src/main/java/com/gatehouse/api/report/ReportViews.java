package com.gatehouse.api.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Analytics answers, computed from rebuildable projections. Days and hours are UTC. */
public final class ReportViews {

    private ReportViews() {
    }

    /** Per staff member: on how many days they came, how many visits and hours in all. */
    public record StaffAttendanceReport(UUID societyId, LocalDate from, LocalDate to, List<StaffAttendance> staff) {
    }

    public record StaffAttendance(UUID staffId, String name, String staffType, long daysPresent, long visits,
                                  double hours) {
    }

    /**
     * Per day: requests counted by type and then status ({@code counts.DELIVERY.APPROVED}), and the median
     * time from raise to a resident's decision (approved or rejected; expired requests have none).
     */
    public record EntryReport(UUID societyId, LocalDate from, LocalDate to, List<EntryDay> days) {
    }

    public record EntryDay(LocalDate date, long total, Map<String, Map<String, Long>> counts,
                           Double medianSecondsToDecide) {
    }

    /** Gate traffic by hour of day (0-23): entry requests raised and visitors let in. */
    public record PeakHoursReport(UUID societyId, LocalDate from, LocalDate to, List<HourOfDay> hours) {
    }

    public record HourOfDay(int hour, long requests, long entries) {
    }
}
