package com.gatehouse.command.vendor;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.vendor.VendorCategory;
import com.gatehouse.api.vendor.VendorCommand.AddVendor;
import com.gatehouse.api.vendor.VendorCommand.RateVendor;
import com.gatehouse.api.vendor.VendorCommand.SetVendorActive;
import com.gatehouse.api.vendor.VendorCommand.VerifyVendor;
import com.gatehouse.api.vendor.VendorDetails;
import com.gatehouse.api.vendor.VendorEvent.VendorActiveSet;
import com.gatehouse.api.vendor.VendorEvent.VendorAdded;
import com.gatehouse.api.vendor.VendorEvent.VendorRated;
import com.gatehouse.api.vendor.VendorEvent.VendorVerified;
import com.gatehouse.api.vendor.VendorId;
import com.gatehouse.command.common.TestClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The rules of a vendor and its ratings, read as given / when / expect. */
class VendorTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    final VendorId vendor = VendorId.random();
    final VendorDetails ramesh = new VendorDetails(vendor, "Ramesh", VendorCategory.PLUMBER, "9800000001", null, null,
            null, null, null, List.of("MON", "TUE"), "9-6", new BigDecimal("300"), null);
    final SocietyId society = SocietyId.random();
    final UserId admin = UserId.random();
    final UserId priya = UserId.random();
    final UserId ravi = UserId.random();
    AggregateTestFixture<Vendor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Vendor.class);
        fixture.registerInjectableResource(TestClock.at(NOW));
    }

    private VendorAdded added() {
        return new VendorAdded(vendor, society, admin, ramesh, NOW);
    }

    private VendorRated rated(UserId by, int rating, String review, Integer replaced, String average, int count) {
        return new VendorRated(vendor, society, by, rating, review, replaced, new BigDecimal(average), count, NOW);
    }

    @Test
    void anAdminAddsAVendorWithNameCategoryAndPhone() {
        fixture.givenNoPriorActivity().when(new AddVendor(vendor, society, admin, ramesh)).expectEvents(added());
        fixture.givenNoPriorActivity().when(new AddVendor(vendor, society, admin, new VendorDetails(vendor, " ",
                        VendorCategory.PLUMBER, "98", null, null, null, null, null, null, null, null, null)))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void theFirstRatingSetsTheAverage() {
        fixture.given(added()).when(new RateVendor(vendor, society, priya, 4, " Quick "))
                .expectEvents(rated(priya, 4, "Quick", null, "4.00", 1));
    }

    @Test
    void aSecondRatingByTheSameResidentReplacesTheFirst() {
        fixture.given(added(), rated(priya, 4, null, null, "4.00", 1), rated(ravi, 1, null, null, "2.50", 2))
                .when(new RateVendor(vendor, society, priya, 2, "Came late"))
                .expectEvents(rated(priya, 2, "Came late", 4, "1.50", 2));
    }

    @Test
    void theSameRatingAgainChangesNothing() {
        fixture.given(added(), rated(priya, 4, "Quick", null, "4.00", 1))
                .when(new RateVendor(vendor, society, priya, 4, "Quick"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void ratingsAreOneToFive() {
        fixture.given(added()).when(new RateVendor(vendor, society, priya, 6, null))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(added()).when(new RateVendor(vendor, society, priya, 0, null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void aDeactivatedVendorTakesNoRatings() {
        fixture.given(added(), new VendorActiveSet(vendor, society, false, NOW))
                .when(new RateVendor(vendor, society, priya, 5, null))
                .expectException(Problem.class).expectNoEvents();
    }

    @Test
    void verifyingTwiceIsOneChange() {
        fixture.given(added()).when(new VerifyVendor(vendor, society, admin, true))
                .expectEvents(new VendorVerified(vendor, society, true, admin, NOW));
        fixture.given(added(), new VendorVerified(vendor, society, true, admin, NOW))
                .when(new VerifyVendor(vendor, society, admin, true)).expectNoEvents();
    }

    @Test
    void anotherSocietyFindsNoVendor() {
        fixture.given(added()).when(new SetVendorActive(vendor, SocietyId.random(), false))
                .expectException(Problem.class).expectExceptionMessage("Vendor not found");
    }
}
