package com.gatehouse.command.gatepass;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.gatepass.GatePassCommand.ApproveGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.CancelGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.RejectGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.RequestGatePass;
import com.gatehouse.api.gatepass.GatePassCommand.ScanGatePass;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassApproved;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassCancelled;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassExpired;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassRejected;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassRequested;
import com.gatehouse.api.gatepass.GatePassEvent.GatePassUsed;
import com.gatehouse.api.gatepass.GatePassId;
import com.gatehouse.api.gatepass.GatePassType;
import com.gatehouse.command.common.TestClock;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.IgnoreField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.gatehouse.command.entry.FixtureSupport.T0;
import static com.gatehouse.command.entry.FixtureSupport.problem;

class GatePassTest {

    static final SocietyId SOCIETY = SocietyId.random();
    static final SocietyId OTHER_SOCIETY = SocietyId.random();
    static final FlatId FLAT = FlatId.random();
    static final FlatId NEIGHBOUR = FlatId.random();
    static final UserId RESIDENT = UserId.random();
    static final UserId ADMIN = UserId.random();
    static final UserId GUARD = UserId.random();
    static final Instant FROM = T0.plus(Duration.ofHours(1));
    static final Instant UNTIL = T0.plus(Duration.ofHours(6));

    private final GatePassId id = new GatePassId(UUID.randomUUID());
    private AggregateTestFixture<GatePass> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GatePass.class);
        Map<FlatId, SocietyId> flats = Map.of(FLAT, SOCIETY, NEIGHBOUR, SOCIETY);
        fixture.registerInjectableResource(TestClock.following(fixture::currentTime));
        fixture.registerInjectableResource(new DirectoryLookup(null) {
            @Override
            public Optional<SocietyId> societyOfFlat(FlatId flat) {
                return Optional.ofNullable(flats.get(flat));
            }
        });
        fixture.registerFieldFilter(new IgnoreField(GatePassRequested.class, "expiryScheduleId"));
    }

    private RequestGatePass request(FlatId flat, Instant from, Instant until) {
        return new RequestGatePass(id, SOCIETY, flat, RESIDENT, GatePassType.MOVE_OUT, " Sofa out ", null, from, until,
                "MH12AB1234", "Raju", null, List.of("Sofa", " ", "Two chairs"), null, null, "Packers", List.of());
    }

    private GatePassRequested requested() {
        return new GatePassRequested(id, SOCIETY, FLAT, RESIDENT, GatePassType.MOVE_OUT, "Sofa out", null, FROM, UNTIL,
                "MH12AB1234", "Raju", null, List.of("Sofa", "Two chairs"), null, null, "Packers", List.of(), T0, "s");
    }

    private GatePassApproved approved() {
        return new GatePassApproved(id, SOCIETY, FLAT, RESIDENT, GatePassType.MOVE_OUT, "Sofa out", ADMIN, T0);
    }

    @Test
    void aResidentAsksForAPassThatExpiresAtValidUntil() {
        fixture.givenCurrentTime(T0)
                .when(request(FLAT, FROM, UNTIL))
                .expectEvents(requested())
                .expectScheduledDeadlineWithName(Duration.between(T0, UNTIL), GatePass.EXPIRY);
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() {
        fixture.givenCurrentTime(T0).when(request(FLAT, UNTIL, FROM))
                .expectException(problem(Problem.Kind.INVALID, "validUntil")).expectNoEvents().expectNoScheduledDeadlines();
    }

    @Test
    void anAdminOfTheSocietyApprovesOnce() {
        fixture.given(requested()).andGivenCurrentTime(T0)
                .when(new ApproveGatePass(id, ADMIN, SOCIETY))
                .expectEvents(approved());
        fixture.given(requested(), approved())
                .when(new ApproveGatePass(id, ADMIN, SOCIETY))
                .expectException(problem(Problem.Kind.CONFLICT, "APPROVED")).expectNoEvents();
    }

    @Test
    void anAdminOfAnotherSocietyFindsNoSuchPass() {
        fixture.given(requested())
                .when(new ApproveGatePass(id, ADMIN, OTHER_SOCIETY))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Gate pass")).expectNoEvents();
    }

    @Test
    void aRejectionGivesTheReasonAndEndsTheExpiry() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(request(FLAT, FROM, UNTIL))
                .when(new RejectGatePass(id, ADMIN, SOCIETY, "No moves on Sunday"))
                .expectEvents(new GatePassRejected(id, SOCIETY, FLAT, RESIDENT, GatePassType.MOVE_OUT, "Sofa out", ADMIN,
                        "No moves on Sunday", T0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anApprovedPassGoesThroughTheGateOnceInsideItsWindow() {
        Instant at = FROM.plusSeconds(30);
        fixture.givenCurrentTime(at)
                .andGivenCommands(request(FLAT, FROM, UNTIL), new ApproveGatePass(id, ADMIN, SOCIETY))
                .when(new ScanGatePass(id, GUARD, SOCIETY))
                .expectEvents(new GatePassUsed(id, SOCIETY, FLAT, GUARD, at))
                .expectNoScheduledDeadlines();
        fixture.given(requested(), approved(), new GatePassUsed(id, SOCIETY, FLAT, GUARD, at))
                .andGivenCurrentTime(at)
                .when(new ScanGatePass(id, GUARD, SOCIETY))
                .expectException(problem(Problem.Kind.CONFLICT, "already been used")).expectNoEvents();
    }

    @Test
    void aPendingPassOrOneOutsideItsWindowDoesNotGoThrough() {
        fixture.given(requested()).andGivenCurrentTime(FROM)
                .when(new ScanGatePass(id, GUARD, SOCIETY))
                .expectException(problem(Problem.Kind.CONFLICT, "not approved")).expectNoEvents();
        fixture.given(requested(), approved()).andGivenCurrentTime(FROM.minusSeconds(1))
                .when(new ScanGatePass(id, GUARD, SOCIETY))
                .expectException(problem(Problem.Kind.CONFLICT, "not valid yet")).expectNoEvents();
        fixture.given(requested(), approved()).andGivenCurrentTime(UNTIL)
                .when(new ScanGatePass(id, GUARD, SOCIETY))
                .expectException(problem(Problem.Kind.CONFLICT, "expired")).expectNoEvents();
        fixture.given(requested(), approved()).andGivenCurrentTime(FROM)
                .when(new ScanGatePass(id, GUARD, OTHER_SOCIETY))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Gate pass")).expectNoEvents();
    }

    @Test
    void theRequesterCancelsBeforeUseButNotAfter() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(request(FLAT, FROM, UNTIL), new ApproveGatePass(id, ADMIN, SOCIETY))
                .when(new CancelGatePass(id, RESIDENT, FLAT))
                .expectEvents(new GatePassCancelled(id, SOCIETY, FLAT, RESIDENT, T0))
                .expectNoScheduledDeadlines();
        fixture.given(requested(), approved(), new GatePassUsed(id, SOCIETY, FLAT, GUARD, FROM))
                .when(new CancelGatePass(id, RESIDENT, FLAT))
                .expectException(problem(Problem.Kind.CONFLICT, "USED")).expectNoEvents();
        fixture.given(requested())
                .when(new CancelGatePass(id, UserId.random(), NEIGHBOUR))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Gate pass")).expectNoEvents();
    }

    @Test
    void anUnusedPassExpiresWhenItsDeadlineFires() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(request(FLAT, FROM, UNTIL), new ApproveGatePass(id, ADMIN, SOCIETY))
                .whenTimeElapses(Duration.between(T0, UNTIL))
                .expectTriggeredDeadlinesWithName(GatePass.EXPIRY)
                .expectEvents(new GatePassExpired(id, SOCIETY, FLAT, UNTIL));
    }
}
