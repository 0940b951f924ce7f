package com.gatehouse.command.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryEvent.EntryAdmitted;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.entry.EntryRequestCommand.ApproveEntryRequest;
import com.gatehouse.api.entry.EntryRequestCommand.RaiseEntryRequest;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestApproved;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.api.common.Problem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.IgnoreField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.gatehouse.command.entry.FixtureSupport.OVERSTAY;
import static com.gatehouse.command.entry.FixtureSupport.T0;
import static com.gatehouse.command.entry.FixtureSupport.problem;

/** A request a rule of the flat already approved: raised and approved at once, nothing to expire. */
class AutoApprovedEntryRequestTest {

    static final SocietyId SOCIETY = SocietyId.random();
    static final FlatId FLAT = FlatId.random();
    static final UserId GUARD = UserId.random();

    private final EntryRequestId id = new EntryRequestId(UUID.randomUUID());
    private AggregateTestFixture<EntryRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EntryRequest.class);
        FixtureSupport.registerResources(fixture, Map.of(FLAT, SOCIETY), (society, key) -> false);
        fixture.registerFieldFilter(new IgnoreField(EntryAdmitted.class, "overstayScheduleId"));
    }

    @Test
    void anExpectedDeliveryIsRaisedApprovedByNobodyAndAdmittedAtOnce() {
        EntryId entry = EntryId.admittedBy(id);
        fixture.givenCurrentTime(T0)
                .when(new RaiseEntryRequest(id, SOCIETY, FLAT, GUARD, EntryType.DELIVERY, null, null, ProviderTag.AMAZON,
                        null, "MH12AB1234", 2, "Expected delivery"))
                .expectSuccessfulHandlerExecution()
                // one unit of work; the entry's event comes first because a constructor's own events are
                // applied after it returns, while the entry it creates publishes at once
                .expectEvents(new EntryAdmitted(entry, id, SOCIETY, FLAT, EntryType.DELIVERY, null, null,
                                ProviderTag.AMAZON, null, GUARD, null, T0, T0.plus(OVERSTAY), null, null,
                                "Expected delivery", "MH12AB1234", 2),
                        new EntryRequestRaised(id, SOCIETY, FLAT, GUARD, EntryType.DELIVERY, null, null,
                                ProviderTag.AMAZON, null, T0, T0, null, "MH12AB1234", 2, "Expected delivery", null, null),
                        new EntryRequestApproved(id, SOCIETY, FLAT, null, entry, T0))
                // no expiry: only the delivery's overstay watch
                .expectScheduledDeadlineWithName(OVERSTAY, Entry.OVERSTAY)
                .expectNoScheduledDeadlineWithName(FixtureSupport.EXPIRY, EntryRequest.EXPIRY);
    }

    @Test
    void anAutoApprovedRequestCannotBeDecidedAgain() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new RaiseEntryRequest(id, SOCIETY, FLAT, GUARD, EntryType.DELIVERY, null, null,
                        ProviderTag.AMAZON, null, null, null, "Auto-approve rule"))
                .when(new ApproveEntryRequest(id, UserId.random(), FLAT))
                .expectException(problem(Problem.Kind.CONFLICT, "APPROVED"))
                .expectNoEvents();
    }
}
