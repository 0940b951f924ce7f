package com.gatehouse.api.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Analytics answers, computed from rebuildable projections. Days and hours are the society's (its time zone). */
public final class ReportViews {

    private ReportViews() {
    }

    /** Per staff member: on how many days they came, how many visits and hours in all. */
    public record StaffAttendanceReport(UUID societyId, LocalDate from, LocalDate to, List<StaffAttendance> staff)
            implements CsvTable {

        @Override
        public String csvName() {
            return "staff-attendance-" + from + "-" + to;
        }

        @Override
        public List<String> csvHeader() {
            return List.of("staffId", "name", "staffType", "daysPresent", "visits", "hours");
        }

        @Override
        public List<List<Object>> csvRows() {
            return staff.stream().map(s -> List.<Object>of(s.staffId(), s.name(), s.staffType(), s.daysPresent(),
                    s.visits(), s.hours())).toList();
        }
    }

    public record StaffAttendance(UUID staffId, String name, String staffType, long daysPresent, long visits,
                                  double hours) {
    }

    /**
     * Per day: requests counted by type and then status ({@code counts.DELIVERY.APPROVED}), and the median
     * time from raise to a resident's decision (approved or rejected; expired requests have none). Beside it the
     * old system's shape over the whole period: {@code total}, {@code byDate}, {@code byType}, {@code byStatus}
     * and {@code avgPerDay} (the total over the days of the period).
     */
    public record EntryReport(UUID societyId, LocalDate from, LocalDate to, List<EntryDay> days, long total,
                              Map<LocalDate, Long> byDate, Map<String, Long> byType, Map<String, Long> byStatus,
                              double avgPerDay) implements CsvTable {

        @Override
        public String csvName() {
            return "entries-" + from + "-" + to;
        }

        /** One row per day, type and status. */
        @Override
        public List<String> csvHeader() {
            return List.of("date", "type", "status", "count", "dayTotal", "medianSecondsToDecide");
        }

        @Override
        public List<List<Object>> csvRows() {
            var rows = new java.util.ArrayList<List<Object>>();
            for (EntryDay day : days) {
                day.counts().forEach((type, statuses) -> statuses.forEach((status, n) -> rows.add(
                        java.util.Arrays.asList(day.date(), type, status, n, day.total(), day.medianSecondsToDecide()))));
            }
            return rows;
        }

        /** The report of these days, with the period's totals added up from them. */
        public static EntryReport of(UUID societyId, LocalDate from, LocalDate to, List<EntryDay> days) {
            var byDate = new java.util.TreeMap<LocalDate, Long>();
            var byType = new java.util.TreeMap<String, Long>();
            var byStatus = new java.util.TreeMap<String, Long>();
            long total = 0;
            for (EntryDay day : days) {
                total += day.total();
                byDate.put(day.date(), day.total());
                day.counts().forEach((type, statuses) -> statuses.forEach((status, n) -> {
                    byType.merge(type, n, Long::sum);
                    byStatus.merge(status, n, Long::sum);
                }));
            }
            long period = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
            double average = period <= 0 ? 0 : Math.round(total * 100.0 / period) / 100.0;
            return new EntryReport(societyId, from, to, days, total, byDate, byType, byStatus, average);
        }
    }

    public record EntryDay(LocalDate date, long total, Map<String, Map<String, Long>> counts,
                           Double medianSecondsToDecide) {
    }

    /**
     * Gate traffic by hour of day (0-23): entry requests raised and visitors let in; {@code peakHours}: the five
     * busiest hours by visitors let in (the old system's list, {@code "18:00"} style), busiest first.
     */
    public record PeakHoursReport(UUID societyId, LocalDate from, LocalDate to, List<HourOfDay> hours,
                                  List<PeakHour> peakHours) implements CsvTable {

        @Override
        public String csvName() {
            return "peak-hours-" + from + "-" + to;
        }

        @Override
        public List<String> csvHeader() {
            return List.of("hour", "requests", "entries");
        }

        @Override
        public List<List<Object>> csvRows() {
            return hours.stream().map(h -> List.<Object>of(h.hour(), h.requests(), h.entries())).toList();
        }

        public static PeakHoursReport of(UUID societyId, LocalDate from, LocalDate to, List<HourOfDay> hours) {
            var peaks = hours.stream().filter(h -> h.entries() > 0)
                    .sorted(java.util.Comparator.comparingLong(HourOfDay::entries).reversed()
                            .thenComparingInt(HourOfDay::hour))
                    .limit(5).map(h -> new PeakHour(h.hour() + ":00", h.entries())).toList();
            return new PeakHoursReport(societyId, from, to, hours, peaks);
        }
    }

    public record PeakHour(String hour, long count) {
    }

    public record HourOfDay(int hour, long requests, long entries) {
    }
}
