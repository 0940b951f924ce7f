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

    /**
     * The society at a glance, now: active residents and guards, flats, visitors let in today (the society's day)
     * and requests waiting at the gate, gate passes approved and still valid, complaints still open (OPEN or
     * IN_PROGRESS), emergencies still active, notices published today. The old system's shape.
     */
    public record DashboardReport(UUID societyId, LocalDate date, java.time.Instant at, Users users, long totalFlats,
                                  Entries entries, GatePasses gatePasses, Complaints complaints,
                                  Emergencies emergencies, Notices notices) implements CsvTable {

        public record Users(long totalResidents, long totalGuards) {
        }

        public record Entries(long today, long pending) {
        }

        public record GatePasses(long active) {
        }

        public record Complaints(long open) {
        }

        public record Emergencies(long active) {
        }

        public record Notices(long today) {
        }

        @Override
        public String csvName() {
            return "dashboard-" + date;
        }

        @Override
        public List<String> csvHeader() {
            return List.of("metric", "value");
        }

        @Override
        public List<List<Object>> csvRows() {
            return List.of(List.of("residents", users.totalResidents()), List.of("guards", users.totalGuards()),
                    List.of("flats", totalFlats), List.of("entriesToday", entries.today()),
                    List.of("pendingRequests", entries.pending()), List.of("activeGatePasses", gatePasses.active()),
                    List.of("openComplaints", complaints.open()), List.of("activeEmergencies", emergencies.active()),
                    List.of("noticesToday", notices.today()));
        }
    }

    /**
     * Deliveries let in during the period (gate-log entries of type DELIVERY), by company: {@code byCompany}
     * counts, {@code topCompanies} the ten busiest with how many of theirs nobody had to approve at the gate
     * (an expected delivery or a standing rule), {@code autoApprovalRate} that share of all deliveries in percent.
     * A delivery without a company counts as OTHER.
     */
    public record DeliveryPatternsReport(UUID societyId, LocalDate from, LocalDate to, long total,
                                         Map<String, Long> byCompany, List<CompanyDeliveries> topCompanies,
                                         long autoApproved, double autoApprovalRate) implements CsvTable {

        @Override
        public String csvName() {
            return "delivery-patterns-" + from + "-" + to;
        }

        @Override
        public List<String> csvHeader() {
            return List.of("company", "deliveries", "autoApproved");
        }

        @Override
        public List<List<Object>> csvRows() {
            return topCompanies.stream().map(c -> List.<Object>of(c.company(), c.deliveries(), c.autoApproved())).toList();
        }

        /** The report of these per-company counts (busiest first). */
        public static DeliveryPatternsReport of(UUID societyId, LocalDate from, LocalDate to,
                                                List<CompanyDeliveries> companies) {
            var byCompany = new java.util.TreeMap<String, Long>();
            long total = 0;
            long auto = 0;
            for (CompanyDeliveries company : companies) {
                byCompany.put(company.company(), company.deliveries());
                total += company.deliveries();
                auto += company.autoApproved();
            }
            double rate = total == 0 ? 0 : Math.round(auto * 10_000.0 / total) / 100.0;
            return new DeliveryPatternsReport(societyId, from, to, total, byCompany,
                    companies.stream().limit(10).toList(), auto, rate);
        }
    }

    public record CompanyDeliveries(String company, long deliveries, long autoApproved) {
    }

    /**
     * Complaints filed in the period: counted by category, status and priority (every value of each, zeros
     * included); {@code resolvedCount} those resolved at some point, {@code avgResolutionHours} the mean time from
     * filing to the first resolution (null when none was resolved).
     */
    public record ComplaintsReport(UUID societyId, LocalDate from, LocalDate to, long total,
                                   Map<String, Long> byCategory, Map<String, Long> byStatus,
                                   Map<String, Long> byPriority, long resolvedCount, Double avgResolutionHours)
            implements CsvTable {

        @Override
        public String csvName() {
            return "complaints-" + from + "-" + to;
        }

        /** One row per dimension and value. */
        @Override
        public List<String> csvHeader() {
            return List.of("dimension", "value", "count");
        }

        @Override
        public List<List<Object>> csvRows() {
            var rows = new java.util.ArrayList<List<Object>>();
            byCategory.forEach((k, n) -> rows.add(List.of("category", k, n)));
            byStatus.forEach((k, n) -> rows.add(List.of("status", k, n)));
            byPriority.forEach((k, n) -> rows.add(List.of("priority", k, n)));
            return rows;
        }
    }

    /**
     * How the society is doing, 0-100: 100 less each factor's penalty, never below 0. The factors, as the old
     * system defined them but over the period and with requests that can no longer wait for ever:
     * {@code complaints}: 20 x (complaints filed in the period still open / complaints filed in the period);
     * {@code emergencies}: 10 per emergency active now; {@code unansweredRequests}: 10 when more than 10% of the
     * entry requests raised in the period expired with nobody answering.
     */
    public record HealthScore(UUID societyId, LocalDate from, LocalDate to, int score, List<HealthFactor> factors)
            implements CsvTable {

        @Override
        public String csvName() {
            return "health-score-" + from + "-" + to;
        }

        @Override
        public List<String> csvHeader() {
            return List.of("factor", "count", "outOf", "penalty");
        }

        @Override
        public List<List<Object>> csvRows() {
            var rows = new java.util.ArrayList<List<Object>>();
            rows.add(List.of("score", score, 100, 0));
            factors.forEach(f -> rows.add(java.util.Arrays.asList(f.name(), f.count(), f.outOf(), f.penalty())));
            return rows;
        }

        /** The score of these counts. */
        public static HealthScore of(UUID societyId, LocalDate from, LocalDate to, long openComplaints,
                                     long complaints, long activeEmergencies, long unansweredRequests, long requests) {
            double complaintPenalty = complaints == 0 ? 0 : Math.round(2000.0 * openComplaints / complaints) / 100.0;
            double emergencyPenalty = 10.0 * activeEmergencies;
            double requestPenalty = requests > 0 && unansweredRequests * 10 > requests ? 10.0 : 0.0;
            var factors = List.of(
                    new HealthFactor("complaints", openComplaints, complaints, complaintPenalty),
                    new HealthFactor("emergencies", activeEmergencies, null, emergencyPenalty),
                    new HealthFactor("unansweredRequests", unansweredRequests, requests, requestPenalty));
            double score = 100 - complaintPenalty - emergencyPenalty - requestPenalty;
            return new HealthScore(societyId, from, to, (int) Math.max(0, Math.min(100, Math.round(score))), factors);
        }
    }

    /** One factor of the health score: {@code count} of {@code outOf} (null: not a share), and what it takes off. */
    public record HealthFactor(String name, long count, Long outOf, double penalty) {
    }
}
