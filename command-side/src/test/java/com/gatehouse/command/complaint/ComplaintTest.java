package com.gatehouse.command.complaint;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.complaint.ComplaintCategory;
import com.gatehouse.api.complaint.ComplaintCommand.AssignComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.ChangeComplaintStatus;
import com.gatehouse.api.complaint.ComplaintCommand.FileComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.ReopenComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.ResolveComplaint;
import com.gatehouse.api.complaint.ComplaintCommand.WithdrawComplaint;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintAssigned;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintFiled;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintReopened;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintResolved;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintStatusChanged;
import com.gatehouse.api.complaint.ComplaintEvent.ComplaintWithdrawn;
import com.gatehouse.api.complaint.ComplaintId;
import com.gatehouse.api.complaint.ComplaintPriority;
import com.gatehouse.api.complaint.ComplaintStatus;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.command.common.TestClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The rules of a complaint's life, read as given / when / expect. */
class ComplaintTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    final ComplaintId id = ComplaintId.random();
    final SocietyId society = SocietyId.random();
    final UserId reporter = UserId.random();
    final UserId admin = UserId.random();
    final UserId plumber = UserId.random();
    final FlatId flat = FlatId.random();
    final TestClock clock = TestClock.at(NOW);
    AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new ComplaintSettings(Duration.ofDays(7)));
    }

    private FileComplaint file(List<DocumentId> images) {
        return new FileComplaint(id, society, reporter, flat, ComplaintCategory.WATER, null, " No water ",
                "Since morning", images, " Tower A ", true);
    }

    private ComplaintFiled filed() {
        return new ComplaintFiled(id, society, reporter, flat, ComplaintCategory.WATER, ComplaintPriority.MEDIUM,
                "No water", "Since morning", List.of(), "Tower A", true, NOW);
    }

    private ComplaintResolved resolved(Instant at) {
        return new ComplaintResolved(id, society, reporter, "Valve fixed", admin, at);
    }

    @Test
    void aResidentFilesAComplaintWithMediumPriorityByDefault() {
        fixture.givenNoPriorActivity().when(file(List.of())).expectEvents(filed());
    }

    @Test
    void atMostFiveDistinctImages() {
        var six = Stream.generate(() -> new DocumentId(UUID.randomUUID())).limit(6).toList();
        fixture.givenNoPriorActivity().when(file(six)).expectException(Problem.class).expectNoEvents();
        var twice = new DocumentId(UUID.randomUUID());
        fixture.givenNoPriorActivity().when(file(List.of(twice, twice))).expectException(Problem.class).expectNoEvents();
        var five = six.subList(0, 5);
        fixture.givenNoPriorActivity().when(file(five)).expectSuccessfulHandlerExecution();
    }

    @Test
    void assigningAnOpenComplaintPutsItInProgress() {
        fixture.given(filed()).when(new AssignComplaint(id, society, admin, plumber))
                .expectEvents(new ComplaintAssigned(id, society, reporter, plumber, admin, ComplaintStatus.IN_PROGRESS, NOW));
    }

    @Test
    void anotherSocietyFindsNoComplaint() {
        fixture.given(filed()).when(new AssignComplaint(id, SocietyId.random(), admin, plumber))
                .expectException(Problem.class).expectExceptionMessage("Complaint not found").expectNoEvents();
    }

    @Test
    void statusMovesOnlyAlongItsLife() {
        fixture.given(filed()).when(new ChangeComplaintStatus(id, society, admin, ComplaintStatus.CLOSED, null))
                .expectException(Problem.class).expectExceptionMessage("This complaint is OPEN and cannot be closed "
                        + "(only a RESOLVED complaint is closed)");
        fixture.given(filed(), resolved(NOW))
                .when(new ChangeComplaintStatus(id, society, admin, ComplaintStatus.CLOSED, null))
                .expectEvents(new ComplaintStatusChanged(id, society, reporter, ComplaintStatus.RESOLVED,
                        ComplaintStatus.CLOSED, null, admin, NOW));
        fixture.given(filed(), resolved(NOW))
                .when(new ChangeComplaintStatus(id, society, admin, ComplaintStatus.IN_PROGRESS, null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aRejectionNeedsAReasonAndAnOpenComplaint() {
        fixture.given(filed()).when(new ChangeComplaintStatus(id, society, admin, ComplaintStatus.REJECTED, " "))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(filed()).when(new ChangeComplaintStatus(id, society, admin, ComplaintStatus.REJECTED, "Duplicate"))
                .expectEvents(new ComplaintStatusChanged(id, society, reporter, ComplaintStatus.OPEN,
                        ComplaintStatus.REJECTED, "Duplicate", admin, NOW));
        fixture.given(filed(), resolved(NOW))
                .when(new ChangeComplaintStatus(id, society, admin, ComplaintStatus.REJECTED, "Duplicate"))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void resolvingNeedsAResolutionAndAnOpenComplaint() {
        fixture.given(filed()).when(new ResolveComplaint(id, society, admin, ""))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(filed()).when(new ResolveComplaint(id, society, admin, "Valve fixed"))
                .expectEvents(resolved(NOW));
        fixture.given(filed(), new ComplaintWithdrawn(id, society, reporter, NOW))
                .when(new ResolveComplaint(id, society, admin, "Valve fixed"))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void theReporterReopensWithinSevenDaysOfTheResolution() {
        Instant resolvedAt = NOW.minus(Duration.ofDays(7));
        fixture.given(filed(), resolved(resolvedAt)).when(new ReopenComplaint(id, society, reporter, "Leaking again"))
                .expectEvents(new ComplaintReopened(id, society, reporter, "Leaking again", NOW));
    }

    @Test
    void noReopeningAfterSevenDays() {
        fixture.given(filed(), resolved(NOW.minus(Duration.ofDays(7)).minusMillis(1)))
                .when(new ReopenComplaint(id, society, reporter, null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void onlyTheReporterReopensAndOnlyAResolvedComplaint() {
        fixture.given(filed(), resolved(NOW)).when(new ReopenComplaint(id, society, admin, null))
                .expectException(Problem.class).expectExceptionMessage("Complaint not found").expectNoEvents();
        fixture.given(filed()).when(new ReopenComplaint(id, society, reporter, null))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(filed(), resolved(NOW), new ComplaintStatusChanged(id, society, reporter,
                        ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED, null, admin, NOW))
                .when(new ReopenComplaint(id, society, reporter, null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void theReporterWithdrawsOnlyWhileOpen() {
        fixture.given(filed()).when(new WithdrawComplaint(id, society, reporter))
                .expectEvents(new ComplaintWithdrawn(id, society, reporter, NOW));
        fixture.given(filed()).when(new WithdrawComplaint(id, society, admin))
                .expectException(Problem.class).expectExceptionMessage("Complaint not found").expectNoEvents();
        fixture.given(filed(), new ComplaintAssigned(id, society, reporter, plumber, admin, ComplaintStatus.IN_PROGRESS, NOW))
                .when(new WithdrawComplaint(id, society, reporter))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aReopenedComplaintCanBeResolvedAgain() {
        fixture.given(filed(), resolved(NOW), new ComplaintReopened(id, society, reporter, null, NOW))
                .when(new ResolveComplaint(id, society, admin, "Valve fixed"))
                .expectEvents(resolved(NOW));
    }
}
