package com.gatehouse.query.report;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.report.ReportViews.ComplaintsReport;
import com.gatehouse.api.report.ReportViews.DashboardReport;
import com.gatehouse.api.report.ReportViews.DeliveryPatternsReport;
import com.gatehouse.api.report.ReportViews.EntryReport;
import com.gatehouse.api.report.ReportViews.HealthScore;
import com.gatehouse.api.report.ReportViews.PeakHoursReport;
import com.gatehouse.api.report.ReportViews.StaffAttendanceReport;
import com.gatehouse.api.entry.EntryRequestStatus;
import com.gatehouse.projection.complaint.ComplaintReadModel;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.projection.emergency.EmergencyReadModel;
import com.gatehouse.projection.entry.EntryRequestReadModel;
import com.gatehouse.projection.gatepass.GatePassReadModel;
import com.gatehouse.projection.notice.NoticeReadModel;
import com.gatehouse.projection.report.ReportReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import com.gatehouse.api.directory.SocietyTimeZones;
import java.util.UUID;

/**
 * Analytics for a society, from rebuildable projections. Period: {@code ?from=&to=} as dates (days of the
 * society's time zone, both inclusive) or instants; by default the last 30 days up to the end of today there.
 * Every day and hour in a report is the society's. Each report is also a CSV download with {@code Accept: text/csv}. Platform-wide callers name the society
 * with {@code ?societyId=}.
 */
@RestController
@RequestMapping("/api/v1/admin/reports")
@Tag(name = "Reports")
public class ReportController {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final ReportReadModel reports;
    private final Clock clock;
    private final SocietyTimeZones zones;
    private final Sources sources;

    /** The other contexts' read models the dashboard and the health score count in. */
    @org.springframework.stereotype.Component
    record Sources(DirectoryReadModel directory, EntryRequestReadModel requests, GatePassReadModel passes,
                   ComplaintReadModel complaints, EmergencyReadModel emergencies, NoticeReadModel notices) {
    }

    public ReportController(ReportReadModel reports, Clock clock, SocietyTimeZones zones, Sources sources) {
        this.reports = reports;
        this.clock = clock;
        this.zones = zones;
        this.sources = sources;
    }

    /** A society, its time zone and a period a caller may report on. */
    record Scope(UUID society, ZoneId zone, Instant from, Instant to) {
        LocalDate firstDay() {
            return from.atZone(zone).toLocalDate();
        }

        LocalDate lastDay() {
            return to.minusNanos(1).atZone(zone).toLocalDate();
        }
    }

    /** Reads the society's zone (blocking: call it off the event loop). */
    Scope scope(Caller caller, UUID societyId, String from, String to) {
        UUID society = societyId != null ? societyId : caller.societyId();
        if (society == null) {
            throw Problem.invalid("societyId", "is required for platform-wide accounts");
        }
        caller.requireSociety(society, "Society");
        ZoneId zone = zones.zoneOf(society);
        TimeRange range = TimeRange.of(from, to, zone);
        Instant end = range.to() != null ? range.to()
                : clock.instant().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Instant start = range.from() != null ? range.from() : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) {
            throw Problem.invalid("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw Problem.invalid("to", "a report covers at most 366 days");
        }
        return new Scope(society, zone, start, end);
    }

    @GetMapping(value = "/staff-attendance", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.SUPER_ADMIN})
    @Operation(summary = "Per staff member: days present, visits and hours in the period",
            description = "Response: {societyId, from, to, staff: [{staffId, name, staffType, daysPresent, visits, hours}]}; "
                    + "a day counts when a visit began on it (a day of the society's time zone); hours add up closed visits.")
    public Mono<StaffAttendanceReport> staffAttendance(Caller caller, @RequestParam(required = false) UUID societyId,
                                                       @RequestParam(required = false) String from,
                                                       @RequestParam(required = false) String to) {
        return Blocking.read(() -> {
            Scope scope = scope(caller, societyId, from, to);
            return new StaffAttendanceReport(scope.society(), scope.firstDay(), scope.lastDay(),
                    reports.staffAttendance(scope.society(), scope.zone(), scope.from(), scope.to()));
        });
    }

    @GetMapping(value = "/entries", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.SUPER_ADMIN})
    @Operation(summary = "Per day: entry requests by type and status, and the median time to decide",
            description = "Response: {societyId, from, to, days: [{date, total, counts: {DELIVERY: {APPROVED: 3, EXPIRED: 1}, ...}, "
                    + "medianSecondsToDecide}]}, oldest day first; days without requests are left out; "
                    + "medianSecondsToDecide covers approved and rejected requests (null when none was decided).")
    public Mono<EntryReport> entries(Caller caller, @RequestParam(required = false) UUID societyId,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        return Blocking.read(() -> {
            Scope scope = scope(caller, societyId, from, to);
            return EntryReport.of(scope.society(), scope.firstDay(), scope.lastDay(),
                    reports.entryDays(scope.society(), scope.zone(), scope.from(), scope.to()));
        });
    }

    @GetMapping(value = "/peak-hours", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.SUPER_ADMIN})
    @Operation(summary = "Gate traffic by hour of day (the society's time zone): requests raised and visitors let in",
            description = "Response: {societyId, from, to, hours: [{hour: 0..23, requests, entries}]}.")
    public Mono<PeakHoursReport> peakHours(Caller caller, @RequestParam(required = false) UUID societyId,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        return Blocking.read(() -> {
            Scope scope = scope(caller, societyId, from, to);
            return PeakHoursReport.of(scope.society(), scope.firstDay(), scope.lastDay(),
                    reports.peakHours(scope.society(), scope.zone(), scope.from(), scope.to()));
        });
    }

    @GetMapping(value = "/dashboard", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.SUPER_ADMIN})
    @Operation(summary = "The society at a glance, now",
            description = "Response: {societyId, date (today in the society's time zone), at, users: {totalResidents, "
                    + "totalGuards} (active accounts), totalFlats, entries: {today (visitors let in today), pending "
                    + "(requests waiting for their flat now)}, gatePasses: {active (approved and still valid)}, "
                    + "complaints: {open (OPEN or IN_PROGRESS)}, emergencies: {active}, notices: {today (published "
                    + "today)}}. No period: it is always now.")
    public Mono<DashboardReport> dashboard(Caller caller, @RequestParam(required = false) UUID societyId) {
        return Blocking.read(() -> {
            Scope today = scope(caller, societyId, null, null);
            UUID society = today.society();
            Instant now = clock.instant();
            Instant dayStart = today.lastDay().atStartOfDay(today.zone()).toInstant();
            var members = sources.directory().activeMembersByRole(society);
            return new DashboardReport(society, today.lastDay(), now,
                    new DashboardReport.Users(members.getOrDefault(Role.RESIDENT, 0L), members.getOrDefault(Role.GUARD, 0L)),
                    sources.directory().flatCount(society),
                    new DashboardReport.Entries(reports.entriesAdmitted(society, dayStart, today.to()),
                            sources.requests().pendingInSociety(society, now)),
                    new DashboardReport.GatePasses(sources.passes().activeCount(society, now)),
                    new DashboardReport.Complaints(sources.complaints().openCount(society)),
                    new DashboardReport.Emergencies(sources.emergencies().activeCount(society)),
                    new DashboardReport.Notices(sources.notices().publishedBetween(society, dayStart, today.to())));
        });
    }

    @GetMapping(value = "/delivery-patterns", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.SUPER_ADMIN})
    @Operation(summary = "Deliveries let in during the period, by company, and how many came in by a rule",
            description = "Response: {societyId, from, to, total, byCompany: {SWIGGY: 12, ...}, topCompanies: [{company, "
                    + "deliveries, autoApproved}] (the ten busiest), autoApproved, autoApprovalRate (percent of total)}. "
                    + "Counts gate-log entries of type DELIVERY (requests approved at the gate, expected deliveries and "
                    + "standing rules alike); a delivery without a company counts as OTHER.")
    public Mono<DeliveryPatternsReport> deliveryPatterns(Caller caller, @RequestParam(required = false) UUID societyId,
                                                         @RequestParam(required = false) String from,
                                                         @RequestParam(required = false) String to) {
        return Blocking.read(() -> {
            Scope scope = scope(caller, societyId, from, to);
            return DeliveryPatternsReport.of(scope.society(), scope.firstDay(), scope.lastDay(),
                    reports.deliveryPatterns(scope.society(), scope.from(), scope.to()));
        });
    }

    @GetMapping(value = "/complaints", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.SUPER_ADMIN})
    @Operation(summary = "Complaints filed during the period by category, status and priority, and the time to resolve",
            description = "Response: {societyId, from, to, total, byCategory, byStatus, byPriority (every value, zeros "
                    + "included; status as it is now), resolvedCount (resolved at some point, even if reopened since), "
                    + "avgResolutionHours (filing to first resolution; null when none)}.")
    public Mono<ComplaintsReport> complaints(Caller caller, @RequestParam(required = false) UUID societyId,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to) {
        return Blocking.read(() -> {
            Scope scope = scope(caller, societyId, from, to);
            var counts = sources.complaints().counts(scope.society(), scope.from(), scope.to());
            return new ComplaintsReport(scope.society(), scope.firstDay(), scope.lastDay(), counts.total(),
                    counts.byCategory(), counts.byStatus(), counts.byPriority(), counts.resolved(),
                    counts.avgResolutionHours());
        });
    }

    @GetMapping(value = "/health-score", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Allowed({Role.ADMIN, Role.AUDITOR, Role.SUPER_ADMIN})
    @Operation(summary = "How the society is doing, 0 to 100, with the factors that took points off",
            description = "Response: {societyId, from, to, score, factors: [{name, count, outOf, penalty}]}. score = 100 "
                    + "less every penalty, never below 0 (rounded): complaints: 20 x (complaints filed in the period "
                    + "that are still OPEN or IN_PROGRESS / complaints filed in the period; 0 when none was filed); "
                    + "emergencies: 10 per emergency active now (outOf null); unansweredRequests: 10 when more than "
                    + "10% of the entry requests raised in the period expired with nobody answering (the old system "
                    + "counted requests left pending for ever; here a request expires after 15 minutes).")
    public Mono<HealthScore> healthScore(Caller caller, @RequestParam(required = false) UUID societyId,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to) {
        return Blocking.read(() -> {
            Scope scope = scope(caller, societyId, from, to);
            var complaints = sources.complaints().counts(scope.society(), scope.from(), scope.to());
            var requests = reports.requestsByStatus(scope.society(), scope.from(), scope.to());
            long raised = requests.values().stream().mapToLong(Long::longValue).sum();
            return HealthScore.of(scope.society(), scope.firstDay(), scope.lastDay(), complaints.open(),
                    complaints.total(), sources.emergencies().activeCount(scope.society()),
                    requests.getOrDefault(EntryRequestStatus.EXPIRED.name(), 0L), raised);
        });
    }
}
