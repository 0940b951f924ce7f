package com.gatehouse.command.delivery;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.delivery.AutoApproveRuleId;
import com.gatehouse.api.delivery.DeliveryCommand.CancelExpectedDelivery;
import com.gatehouse.api.delivery.DeliveryCommand.ChangeAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryCommand.ClaimExpectedDelivery;
import com.gatehouse.api.delivery.DeliveryCommand.CreateAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryCommand.DeleteAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryCommand.ExpectDelivery;
import com.gatehouse.api.delivery.DeliveryCommand.ReleaseExpectedDeliveryClaim;
import com.gatehouse.api.delivery.DeliveryEvent.AutoApproveRuleDefined;
import com.gatehouse.api.delivery.DeliveryEvent.AutoApproveRuleDeleted;
import com.gatehouse.api.delivery.DeliveryEvent.DeliveryExpected;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryCancelled;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryClaimReleased;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryClaimed;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryLapsed;
import com.gatehouse.api.delivery.DeliveryViews.AutoApproveRuleView;
import com.gatehouse.api.delivery.ExpectedDeliveryId;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.command.common.TestClock;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.IgnoreField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.gatehouse.command.entry.FixtureSupport.T0;
import static com.gatehouse.command.entry.FixtureSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Expected deliveries are claimed once and lapse at the end of their day; rules belong to their flat. */
class DeliveryRulesTest {

    static final SocietyId SOCIETY = SocietyId.random();
    static final SocietyId OTHER_SOCIETY = SocietyId.random();
    static final FlatId FLAT = FlatId.random();
    static final FlatId NEIGHBOUR = FlatId.random();
    static final UserId RESIDENT = UserId.random();
    static final LocalDate DAY = LocalDate.parse("2026-03-01");
    static final Instant LAPSES = T0.plus(Duration.ofHours(8));

    private final ExpectedDeliveryId id = new ExpectedDeliveryId(UUID.randomUUID());
    private final AutoApproveRuleId ruleId = new AutoApproveRuleId(UUID.randomUUID());
    private final EntryRequestId rider = new EntryRequestId(UUID.randomUUID());
    private final EntryRequestId secondRider = new EntryRequestId(UUID.randomUUID());
    private AggregateTestFixture<ExpectedDelivery> expectations;
    private AggregateTestFixture<AutoApproveRule> rules;

    @BeforeEach
    void setUp() {
        expectations = new AggregateTestFixture<>(ExpectedDelivery.class);
        rules = new AggregateTestFixture<>(AutoApproveRule.class);
        var directory = new DirectoryLookup(null) {
            @Override
            public Optional<SocietyId> societyOfFlat(FlatId flat) {
                return Optional.ofNullable(Map.of(FLAT, SOCIETY, NEIGHBOUR, SOCIETY).get(flat));
            }
        };
        expectations.registerInjectableResource(TestClock.following(expectations::currentTime));
        expectations.registerInjectableResource(directory);
        expectations.registerFieldFilter(new IgnoreField(DeliveryExpected.class, "lapseScheduleId"));
        rules.registerInjectableResource(TestClock.following(rules::currentTime));
        rules.registerInjectableResource(directory);
    }

    private ExpectDelivery expect() {
        return new ExpectDelivery(id, SOCIETY, FLAT, RESIDENT, ProviderTag.AMAZON, "Books", DAY, null, null, LAPSES);
    }

    private DeliveryExpected expected() {
        return new DeliveryExpected(id, SOCIETY, FLAT, RESIDENT, ProviderTag.AMAZON, "Books", DAY, null, null, LAPSES,
                "s", T0);
    }

    @Test
    void aResidentExpectsADeliveryThatLapsesAtTheEndOfItsDay() {
        expectations.givenCurrentTime(T0).when(expect())
                .expectEvents(expected())
                .expectScheduledDeadlineWithName(Duration.between(T0, LAPSES), ExpectedDelivery.LAPSE);
    }

    @Test
    void aDayThatIsOverIsRefused() {
        expectations.givenCurrentTime(LAPSES).when(expect())
                .expectException(problem(Problem.Kind.INVALID, "expectedDate")).expectNoEvents();
    }

    @Test
    void aWindowNeedsBothEnds() {
        expectations.givenCurrentTime(T0)
                .when(new ExpectDelivery(id, SOCIETY, FLAT, RESIDENT, ProviderTag.AMAZON, null, DAY,
                        LocalTime.NOON, null, LAPSES))
                .expectException(problem(Problem.Kind.INVALID, "timeUntil")).expectNoEvents();
    }

    @Test
    void theFirstRiderClaimsItAndTheSecondIsRefused() {
        expectations.given(expected()).andGivenCurrentTime(T0)
                .when(new ClaimExpectedDelivery(id, SOCIETY, rider))
                .expectEvents(new ExpectedDeliveryClaimed(id, SOCIETY, FLAT, rider, T0));
        expectations.given(expected(), new ExpectedDeliveryClaimed(id, SOCIETY, FLAT, rider, T0))
                .when(new ClaimExpectedDelivery(id, SOCIETY, secondRider))
                .expectException(problem(Problem.Kind.CONFLICT, "CLAIMED")).expectNoEvents();
        // the same request claiming again (a retried request) keeps it and changes nothing
        expectations.given(expected(), new ExpectedDeliveryClaimed(id, SOCIETY, FLAT, rider, T0))
                .when(new ClaimExpectedDelivery(id, SOCIETY, rider))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aGuardOfAnotherSocietyCannotClaimIt() {
        expectations.given(expected())
                .when(new ClaimExpectedDelivery(id, OTHER_SOCIETY, rider))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Expected delivery")).expectNoEvents();
    }

    @Test
    void aClaimWhoseRequestFailedIsGivenBackOnlyByThatRequest() {
        expectations.given(expected(), new ExpectedDeliveryClaimed(id, SOCIETY, FLAT, rider, T0)).andGivenCurrentTime(T0)
                .when(new ReleaseExpectedDeliveryClaim(id, secondRider))
                .expectNoEvents();
        expectations.given(expected(), new ExpectedDeliveryClaimed(id, SOCIETY, FLAT, rider, T0)).andGivenCurrentTime(T0)
                .when(new ReleaseExpectedDeliveryClaim(id, rider))
                .expectEvents(new ExpectedDeliveryClaimReleased(id, SOCIETY, FLAT, rider, T0));
    }

    @Test
    void itLapsesUnclaimed() {
        expectations.givenCurrentTime(T0).andGivenCommands(expect())
                .whenTimeElapses(Duration.between(T0, LAPSES))
                .expectTriggeredDeadlinesWithName(ExpectedDelivery.LAPSE)
                .expectEvents(new ExpectedDeliveryLapsed(id, SOCIETY, FLAT, LAPSES));
    }

    @Test
    void aClaimedDeliveryDoesNotLapse() {
        expectations.givenCurrentTime(T0).andGivenCommands(expect(), new ClaimExpectedDelivery(id, SOCIETY, rider))
                .whenTimeElapses(Duration.between(T0, LAPSES))
                .expectNoEvents();
    }

    @Test
    void onlyAResidentOfTheFlatCancelsIt() {
        expectations.givenCurrentTime(T0).andGivenCommands(expect())
                .when(new CancelExpectedDelivery(id, RESIDENT, FLAT))
                .expectEvents(new ExpectedDeliveryCancelled(id, SOCIETY, FLAT, RESIDENT, T0))
                .expectNoScheduledDeadlines();
        expectations.given(expected())
                .when(new CancelExpectedDelivery(id, UserId.random(), NEIGHBOUR))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Expected delivery")).expectNoEvents();
    }

    @Test
    void aRuleIsChangedAndDeletedOnlyByItsFlat() {
        var defined = new AutoApproveRuleDefined(ruleId, SOCIETY, FLAT, RESIDENT, Set.of(ProviderTag.SWIGGY),
                Set.of(), null, null, true, T0);
        rules.givenCurrentTime(T0)
                .when(new CreateAutoApproveRule(ruleId, SOCIETY, FLAT, RESIDENT, Set.of(ProviderTag.SWIGGY), null, null, null))
                .expectEvents(defined);
        rules.given(defined).andGivenCurrentTime(T0)
                .when(new ChangeAutoApproveRule(ruleId, RESIDENT, FLAT, null, null, null, null, false))
                .expectEvents(new AutoApproveRuleDefined(ruleId, SOCIETY, FLAT, RESIDENT, Set.of(ProviderTag.SWIGGY),
                        Set.of(), null, null, false, T0));
        rules.given(defined)
                .when(new ChangeAutoApproveRule(ruleId, UserId.random(), NEIGHBOUR, null, null, null, null, false))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Auto-approve rule")).expectNoEvents();
        rules.given(defined)
                .when(new DeleteAutoApproveRule(ruleId, UserId.random(), NEIGHBOUR))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Auto-approve rule")).expectNoEvents();
        rules.given(defined).andGivenCurrentTime(T0)
                .when(new DeleteAutoApproveRule(ruleId, RESIDENT, FLAT))
                .expectEvents(new AutoApproveRuleDeleted(ruleId, SOCIETY, FLAT, RESIDENT, T0));
        rules.givenCurrentTime(T0)
                .when(new CreateAutoApproveRule(ruleId, SOCIETY, FLAT, RESIDENT, Set.of(), null, null, null))
                .expectException(problem(Problem.Kind.INVALID, "companies")).expectNoEvents();
    }

    @Test
    void aRuleAdmitsItsCompaniesOnItsDaysInsideItsWindowWrappingMidnight() {
        var nights = new AutoApproveRuleView(UUID.randomUUID(), SOCIETY.value(), FLAT.value(), RESIDENT.value(),
                Set.of(ProviderTag.ZOMATO), Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), LocalTime.of(22, 0),
                LocalTime.of(1, 0), true, T0, T0);
        assertThat(nights.admits(ProviderTag.ZOMATO, DayOfWeek.FRIDAY, LocalTime.of(23, 30))).isTrue();
        assertThat(nights.admits(ProviderTag.ZOMATO, DayOfWeek.SATURDAY, LocalTime.of(0, 59, 59))).isTrue();
        assertThat(nights.admits(ProviderTag.ZOMATO, DayOfWeek.FRIDAY, LocalTime.of(22, 0))).isTrue();
        assertThat(nights.admits(ProviderTag.ZOMATO, DayOfWeek.FRIDAY, LocalTime.of(1, 1))).isFalse();
        assertThat(nights.admits(ProviderTag.ZOMATO, DayOfWeek.MONDAY, LocalTime.of(23, 0))).isFalse();
        assertThat(nights.admits(ProviderTag.SWIGGY, DayOfWeek.FRIDAY, LocalTime.of(23, 0))).isFalse();
        var always = new AutoApproveRuleView(UUID.randomUUID(), SOCIETY.value(), FLAT.value(), RESIDENT.value(),
                Set.of(ProviderTag.AMAZON), Set.of(), null, null, true, T0, T0);
        assertThat(always.admits(ProviderTag.AMAZON, DayOfWeek.SUNDAY, LocalTime.MIDNIGHT)).isTrue();
        var paused = new AutoApproveRuleView(UUID.randomUUID(), SOCIETY.value(), FLAT.value(), RESIDENT.value(),
                Set.of(ProviderTag.AMAZON), Set.of(), null, null, false, T0, T0);
        assertThat(paused.admits(ProviderTag.AMAZON, DayOfWeek.SUNDAY, LocalTime.NOON)).isFalse();
    }
}
