package com.gatehouse.query.report;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.report.ReportViews.EntryReport;
import com.gatehouse.api.report.ReportViews.PeakHoursReport;
import com.gatehouse.api.report.ReportViews.StaffAttendanceReport;
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

    public ReportController(ReportReadModel reports, Clock clock, SocietyTimeZones zones) {
        this.reports = reports;
        this.clock = clock;
        this.zones = zones;
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
}
