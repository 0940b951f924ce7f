package com.gatehouse.query.gatepass;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.gatepass.ExpectedAtGate;
import com.gatehouse.api.gatepass.GatePassQuery;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.projection.gatepass.GatePassReadModel;
import com.gatehouse.projection.preapproval.PreApprovalReadModel;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.projection.gatepass.GatePassProjection;
import com.gatehouse.query.common.Blocking;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code gate.passes.stream} (guards and admins): what the gate expects today, state first (approved gate passes and
 * active pre-approvals valid at some time today, society time, soonest first), then every change of a gate pass or
 * pre-approval of the society as it is projected.
 */
@Controller
public class GatePassStreams {

    private final LiveFeeds live;
    private final GatePassReadModel passes;
    private final PreApprovalReadModel preApprovals;
    private final SocietyTimeZones zones;
    private final Clock clock;

    public GatePassStreams(LiveFeeds live, GatePassReadModel passes, PreApprovalReadModel preApprovals,
                           SocietyTimeZones zones, Clock clock) {
        this.live = live;
        this.passes = passes;
        this.preApprovals = preApprovals;
        this.zones = zones;
        this.clock = clock;
    }

    @MessageMapping("gate.passes.stream")
    @Allowed({Role.GUARD, Role.ADMIN})
    public Flux<ExpectedAtGate> passes(Caller caller) {
        var society = caller.societyId();
        return live.query(GatePassProjection.EXPECTED, LiveFeed.society(society),
                Blocking.read(() -> expectedToday(society)).flatMapIterable(list -> list));
    }

    /** Approved gate passes and active pre-approvals valid at some time today (society time), soonest first. */
    List<ExpectedAtGate> expectedToday(java.util.UUID society) {
        ZoneId zone = zones.zoneOf(society);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<ExpectedAtGate> state = new ArrayList<>();
        passes.approvedBetween(society, from, to, GatePassQuery.INITIAL_LIMIT)
                .forEach(pass -> state.add(ExpectedAtGate.of(pass)));
        preApprovals.activeBetween(society, from, to, GatePassQuery.INITIAL_LIMIT)
                .forEach(preApproval -> state.add(ExpectedAtGate.of(preApproval)));
        state.sort(Comparator.comparing(ExpectedAtGate::validFrom).thenComparing(ExpectedAtGate::id));
        return state.size() > GatePassQuery.INITIAL_LIMIT ? state.subList(0, GatePassQuery.INITIAL_LIMIT) : state;
    }
}
