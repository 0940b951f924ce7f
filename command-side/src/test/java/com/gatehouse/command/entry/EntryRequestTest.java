package com.gatehouse.command.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryEvent.EntryAdmitted;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.entry.EntryRequestCommand.ApproveEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RaiseEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RejectEntryRequest;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestApproved;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestExpired;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRejected;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestReminded;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestUnanswered;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.ProviderTag;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.IgnoreField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.gatehouse.command.entry.FixtureSupport.EXPIRY;
import static com.gatehouse.command.entry.FixtureSupport.GUARD_ALERT_AFTER;
import static com.gatehouse.command.entry.FixtureSupport.REMIND_AFTER;
import static com.gatehouse.command.entry.FixtureSupport.OVERSTAY;
import static com.gatehouse.command.entry.FixtureSupport.T0;
import static com.gatehouse.command.entry.FixtureSupport.problem;

class EntryRequestTest {

    static final SocietyId SOCIETY = SocietyId.random();
    static final SocietyId OTHER_SOCIETY = SocietyId.random();
    static final FlatId FLAT = FlatId.random();
    static final FlatId NEIGHBOUR = FlatId.random();
    static final FlatId FOREIGN_FLAT = FlatId.random();
    static final UserId GUARD = UserId.random();
    static final UserId RESIDENT = UserId.random();
    static final String PHOTO = "societies/" + SOCIETY + "/ENTRY_PHOTO/" + UUID.randomUUID() + "-rider.jpg";
    static final String SCHEDULE = "expiry-schedule";

    private final EntryRequestId id = new EntryRequestId(UUID.randomUUID());
    private AggregateTestFixture<EntryRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EntryRequest.class);
        FixtureSupport.registerResources(fixture, Map.of(FLAT, SOCIETY, NEIGHBOUR, SOCIETY, FOREIGN_FLAT, OTHER_SOCIETY),
                (society, key) -> society.equals(SOCIETY) && key.equals(PHOTO));
        fixture.registerFieldFilter(new IgnoreField(EntryRequestRaised.class, "expiryScheduleId"));
        fixture.registerFieldFilter(new IgnoreField(EntryRequestRaised.class, "reminderScheduleId"));
        fixture.registerFieldFilter(new IgnoreField(EntryRequestRaised.class, "guardAlertScheduleId"));
        fixture.registerFieldFilter(new IgnoreField(EntryAdmitted.class, "overstayScheduleId"));
    }

    private RaiseEntryRequest raise(EntryType type, FlatId flat, String photoKey) {
        return new RaiseEntryRequest(id, SOCIETY, flat, GUARD, type, "Ravi", "9876543210",
                type == EntryType.DELIVERY ? ProviderTag.SWIGGY : null, photoKey);
    }

    private EntryRequestRaised raised(EntryType type, String photoKey) {
        return new EntryRequestRaised(id, SOCIETY, FLAT, GUARD, type, "Ravi", "9876543210",
                type == EntryType.DELIVERY ? ProviderTag.SWIGGY : null, photoKey, T0, T0.plus(EXPIRY), SCHEDULE,
                null, null, null, "reminder-schedule", "guard-alert-schedule");
    }

    private ApproveEntryRequest approveAsResidentOf(FlatId flat) {
        return new ApproveEntryRequest(id, RESIDENT, flat);
    }

    @Test
    void guardRaisesADeliveryThatExpiresAfterTheConfiguredTime() {
        fixture.givenCurrentTime(T0)
                .when(raise(EntryType.DELIVERY, FLAT, PHOTO))
                .expectSuccessfulHandlerExecution()
                .expectEvents(raised(EntryType.DELIVERY, PHOTO))
                .expectScheduledDeadlineWithName(EXPIRY, EntryRequest.EXPIRY);
    }

    @Test
    void aVisitorWithoutANameIsRefused() {
        fixture.givenCurrentTime(T0)
                .when(new RaiseEntryRequest(id, SOCIETY, FLAT, GUARD, EntryType.VISITOR, " ", null, null, null))
                .expectException(problem(Problem.Kind.INVALID, "visitorName"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFlatOfAnotherSocietyOrNoFlatAtAllIsNotFound() {
        fixture.givenCurrentTime(T0)
                .when(raise(EntryType.VISITOR, FOREIGN_FLAT, null))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Flat"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
        fixture.givenCurrentTime(T0)
                .when(raise(EntryType.VISITOR, FlatId.random(), null))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Flat"))
                .expectNoEvents();
    }

    @Test
    void thePhotoMustBeAConfirmedEntryPhotoOfTheSociety() {
        fixture.givenCurrentTime(T0)
                .when(raise(EntryType.DELIVERY, FLAT, "societies/" + OTHER_SOCIETY + "/ENTRY_PHOTO/x.jpg"))
                .expectException(problem(Problem.Kind.INVALID, "photoKey"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aResidentOfTheFlatApprovesAndTheVisitorIsAdmitted() {
        EntryId entry = EntryId.admittedBy(id);
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.VISITOR, FLAT, null))
                .when(approveAsResidentOf(FLAT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(entry)
                .expectEvents(new EntryRequestApproved(id, SOCIETY, FLAT, RESIDENT, entry, T0),
                        new EntryAdmitted(entry, id, SOCIETY, FLAT, EntryType.VISITOR, "Ravi", "9876543210", null, null,
                                GUARD, RESIDENT, T0, null, null))
                // the expiry is cancelled by its id, and a visitor is not watched for overstay
                .expectNoScheduledDeadlines();
    }

    @Test
    void approvingADeliveryWatchesTheEntryForOverstay() {
        EntryId entry = EntryId.admittedBy(id);
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.DELIVERY, FLAT, PHOTO))
                .when(approveAsResidentOf(FLAT))
                .expectEvents(new EntryRequestApproved(id, SOCIETY, FLAT, RESIDENT, entry, T0),
                        new EntryAdmitted(entry, id, SOCIETY, FLAT, EntryType.DELIVERY, "Ravi", "9876543210",
                                ProviderTag.SWIGGY, PHOTO, GUARD, RESIDENT, T0, T0.plus(OVERSTAY), null))
                .expectScheduledDeadlineWithName(OVERSTAY, Entry.OVERSTAY)
                .expectNoScheduledDeadlineWithName(EXPIRY, EntryRequest.EXPIRY);
    }

    @Test
    void aResidentOfAnotherFlatCannotDecide() {
        fixture.given(raised(EntryType.VISITOR, null))
                .when(approveAsResidentOf(NEIGHBOUR))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Entry request"))
                .expectNoEvents();
        fixture.given(raised(EntryType.VISITOR, null))
                .when(new RejectEntryRequest(id, RESIDENT, null, "no"))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Entry request"))
                .expectNoEvents();
    }

    @Test
    void aResidentRejectsWithAReasonAndTheExpiryIsCancelled() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.VISITOR, FLAT, null))
                .when(new RejectEntryRequest(id, RESIDENT, FLAT, "  Not expecting anyone  "))
                .expectEvents(new EntryRequestRejected(id, SOCIETY, FLAT, RESIDENT, "Not expecting anyone", T0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSecondDecisionIsAConflictNamingTheFirst() {
        fixture.given(raised(EntryType.VISITOR, null),
                        new EntryRequestApproved(id, SOCIETY, FLAT, RESIDENT, EntryId.admittedBy(id), T0))
                .when(new RejectEntryRequest(id, UserId.random(), FLAT, null))
                .expectException(problem(Problem.Kind.CONFLICT, "APPROVED"))
                .expectNoEvents();
        fixture.given(raised(EntryType.VISITOR, null),
                        new EntryRequestRejected(id, SOCIETY, FLAT, RESIDENT, null, T0))
                .when(approveAsResidentOf(FLAT))
                .expectException(problem(Problem.Kind.CONFLICT, "REJECTED"))
                .expectNoEvents();
    }

    @Test
    void nobodyDecidesAndTheRequestExpiresWhenItsDeadlineFires() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.DELIVERY, FLAT, null))
                .whenTimeElapses(EXPIRY)
                .expectTriggeredDeadlinesWithName(EntryRequest.REMIND, EntryRequest.GUARD_ALERT, EntryRequest.EXPIRY)
                .expectEvents(new EntryRequestReminded(id, SOCIETY, FLAT, T0.plus(REMIND_AFTER)),
                        new EntryRequestUnanswered(id, SOCIETY, FLAT, GUARD, T0.plus(GUARD_ALERT_AFTER)),
                        new EntryRequestExpired(id, SOCIETY, FLAT, T0.plus(EXPIRY)));
    }

    @Test
    void nothingExpiresBeforeTheTime() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.DELIVERY, FLAT, null))
                .whenTimeElapses(EXPIRY.minusSeconds(1))
                .expectEvents(new EntryRequestReminded(id, SOCIETY, FLAT, T0.plus(REMIND_AFTER)),
                        new EntryRequestUnanswered(id, SOCIETY, FLAT, GUARD, T0.plus(GUARD_ALERT_AFTER)))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), EntryRequest.EXPIRY);
    }

    @Test
    void nobodyAnswersForRemindAfterAndTheFlatIsRemindedOnce() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.DELIVERY, FLAT, null))
                .whenTimeElapses(REMIND_AFTER)
                .expectTriggeredDeadlinesWithName(EntryRequest.REMIND)
                .expectEvents(new EntryRequestReminded(id, SOCIETY, FLAT, T0.plus(REMIND_AFTER)))
                .expectScheduledDeadlineWithName(GUARD_ALERT_AFTER.minus(REMIND_AFTER), EntryRequest.GUARD_ALERT);
    }

    @Test
    void stillNobodyAfterGuardAlertAfterAndTheGuardIsTold() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.VISITOR, FLAT, null))
                .andGiven(new EntryRequestReminded(id, SOCIETY, FLAT, T0.plus(REMIND_AFTER)))
                .whenTimeElapses(GUARD_ALERT_AFTER)
                .expectEvents(new EntryRequestUnanswered(id, SOCIETY, FLAT, GUARD, T0.plus(GUARD_ALERT_AFTER)));
    }

    @Test
    void anyDecisionCancelsTheEscalation() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.VISITOR, FLAT, null))
                .when(new RejectEntryRequest(id, RESIDENT, FLAT, null))
                .expectNoScheduledDeadlineWithName(REMIND_AFTER, EntryRequest.REMIND)
                .expectNoScheduledDeadlineWithName(GUARD_ALERT_AFTER, EntryRequest.GUARD_ALERT);
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.VISITOR, FLAT, null), approveAsResidentOf(FLAT))
                .whenTimeElapses(GUARD_ALERT_AFTER)
                .expectNoEvents();
    }

    @Test
    void anEscalationThatLostTheRaceToADecisionDoesNothing() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.VISITOR, FLAT, null))
                .andGiven(new EntryRequestApproved(id, SOCIETY, FLAT, RESIDENT, EntryId.admittedBy(id), T0))
                .whenTimeElapses(GUARD_ALERT_AFTER)
                .expectTriggeredDeadlinesWithName(EntryRequest.REMIND, EntryRequest.GUARD_ALERT)
                .expectNoEvents();
    }

    @Test
    void aDecisionAfterExpiryIsRefused() {
        fixture.given(raised(EntryType.VISITOR, null), new EntryRequestExpired(id, SOCIETY, FLAT, T0.plus(EXPIRY)))
                .when(approveAsResidentOf(FLAT))
                .expectException(problem(Problem.Kind.CONFLICT, "EXPIRED"))
                .expectNoEvents();
        fixture.given(raised(EntryType.VISITOR, null), new EntryRequestExpired(id, SOCIETY, FLAT, T0.plus(EXPIRY)))
                .when(new RejectEntryRequest(id, RESIDENT, FLAT, "late"))
                .expectException(problem(Problem.Kind.CONFLICT, "EXPIRED"))
                .expectNoEvents();
    }

    @Test
    void aDecidedRequestNeverExpires() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.VISITOR, FLAT, null), approveAsResidentOf(FLAT))
                .whenTimeElapses(EXPIRY.plusMinutes(1))
                .expectNoEvents();
    }

    @Test
    void anExpiryDeadlineThatLostTheRaceToADecisionDoesNothing() {
        // the decision's events are given directly, so the deadline stays scheduled and fires anyway
        fixture.givenCurrentTime(T0)
                .andGivenCommands(raise(EntryType.VISITOR, FLAT, null))
                .andGiven(new EntryRequestRejected(id, SOCIETY, FLAT, RESIDENT, null, T0))
                .whenTimeElapses(EXPIRY)
                .expectTriggeredDeadlinesWithName(EntryRequest.REMIND, EntryRequest.GUARD_ALERT, EntryRequest.EXPIRY)
                .expectNoEvents();
    }
}
