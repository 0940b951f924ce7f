package com.gatehouse.command.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.directory.Blocks;
import com.gatehouse.api.directory.SocietyCommand.AddBlock;
import com.gatehouse.api.directory.SocietyCommand.AddFlat;
import com.gatehouse.api.directory.SocietyCommand.NewFlat;
import com.gatehouse.api.directory.SocietyCommand.UpdateSociety;
import com.gatehouse.api.directory.SocietyEvent.BlockAdded;
import com.gatehouse.api.directory.SocietyEvent.SocietyDeactivated;
import com.gatehouse.api.directory.SocietyEvent.SocietyDetailsChanged;
import com.gatehouse.api.directory.SocietyEvent.SocietyReactivated;
import com.gatehouse.api.directory.SocietyEvent.SocietyTimeZoneChanged;
import com.gatehouse.api.directory.SocietyCommand.CreateSociety;
import com.gatehouse.api.directory.SocietyEvent.FlatAdded;
import com.gatehouse.api.directory.SocietyEvent.SocietyCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class SocietyTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    final SocietyId society = SocietyId.random();
    final FlatId flat = FlatId.random();
    final DirectoryLookup lookup = mock(DirectoryLookup.class);
    AggregateTestFixture<Society> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Society.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(lookup);
    }

    @Test
    void aSocietyIsCreatedWithItsNameAndCity() {
        fixture.givenNoPriorActivity()
                .when(new CreateSociety(society, " Palm Grove ", "Pune"))
                .expectEvents(new SocietyCreated(society, "Palm Grove", "Pune", NOW, "Asia/Kolkata"));
        verify(lookup).recordSociety(society);
    }

    @Test
    void aSocietyKeepsTheTimeZoneItIsGiven() {
        fixture.givenNoPriorActivity()
                .when(new CreateSociety(society, "Palm Grove", "Pune", " Europe/London "))
                .expectEvents(new SocietyCreated(society, "Palm Grove", "Pune", NOW, "Europe/London"));
    }

    @Test
    void anOffsetOrAnUnknownZoneIsRefusedAndNothingIsRecorded() {
        for (String zone : new String[]{"+05:30", "UTC+5", "Mars/Olympus"}) {
            fixture.givenNoPriorActivity()
                    .when(new CreateSociety(SocietyId.random(), "Palm Grove", "Pune", zone))
                    .expectException(Problem.class)
                    .expectNoEvents();
        }
        org.mockito.Mockito.verifyNoInteractions(lookup);
    }

    @Test
    void aFlatIsAddedAndRecordedForLookups() {
        fixture.given(new SocietyCreated(society, "Palm Grove", "Pune", NOW, "Asia/Kolkata"))
                .when(new AddFlat(society, flat, "A", "101"))
                .expectEvents(new FlatAdded(society, flat, "A", "101", NOW));
        verify(lookup).recordFlat(flat, society);
    }

    @Test
    void aFlatAddressIsUniqueWithinTheSocietyIgnoringCaseAndSpaces() {
        fixture.given(new SocietyCreated(society, "Palm Grove", "Pune", NOW, "Asia/Kolkata"),
                        new FlatAdded(society, FlatId.random(), "A", "101", NOW))
                .when(new AddFlat(society, flat, " a ", "101"))
                .expectException(Problem.class)
                .expectExceptionMessage("Flat a-101 already exists in this society")
                .expectNoEvents();
    }

    @Test
    void theSameNumberInAnotherBlockIsAnotherFlat() {
        fixture.given(new SocietyCreated(society, "Palm Grove", "Pune", NOW, "Asia/Kolkata"),
                        new FlatAdded(society, FlatId.random(), "A", "101", NOW))
                .when(new AddFlat(society, flat, "B", "101"))
                .expectEvents(new FlatAdded(society, flat, "B", "101", NOW));
    }

    final SocietyCreated created = new SocietyCreated(society, "Palm Grove", "Pune", NOW, "Asia/Kolkata");

    UpdateSociety update(String address, String contactPhone, String timeZone, Boolean active) {
        return new UpdateSociety(society, null, null, address, null, null, null, contactPhone, null, timeZone, active);
    }

    @Test
    void anUpdateRecordsOnlyWhatChanged() {
        fixture.given(created)
                .when(new UpdateSociety(society, null, " Pune East ", " 12 MG Road ", "Maharashtra", "411001",
                        "Secretary", "+912012345678", "office@palm.example", "Asia/Kolkata", true))
                .expectEvents(new SocietyDetailsChanged(society, "Palm Grove", "Pune East", "12 MG Road", "Maharashtra",
                        "411001", "Secretary", "+912012345678", "office@palm.example", NOW));
        fixture.given(created)
                .when(update(null, null, " Europe/London ", null))
                .expectEvents(new SocietyTimeZoneChanged(society, "Europe/London", NOW));
        fixture.given(created)
                .when(update(null, null, null, null))
                .expectNoEvents();
    }

    @Test
    void anEmptyTextClearsAnOptionalFieldButNameAndCityStay() {
        var withAddress = new SocietyDetailsChanged(society, "Palm Grove", "Pune", "12 MG Road", null, null, null,
                "+912012345678", null, NOW);
        fixture.given(created, withAddress)
                .when(update("", null, null, null))
                .expectEvents(new SocietyDetailsChanged(society, "Palm Grove", "Pune", null, null, null, null,
                        "+912012345678", null, NOW));
        fixture.given(created)
                .when(new UpdateSociety(society, " ", null, null, null, null, null, null, null, null, null))
                .expectException(Problem.class)
                .expectNoEvents();
        fixture.given(created)
                .when(update(null, null, "+05:30", null))
                .expectException(Problem.class)
                .expectNoEvents();
    }

    @Test
    void aSocietyIsDeactivatedAndReactivatedOnce() {
        fixture.given(created)
                .when(update(null, null, null, false))
                .expectEvents(new SocietyDeactivated(society, NOW));
        fixture.given(created, new SocietyDeactivated(society, NOW))
                .when(update(null, null, null, false))
                .expectNoEvents();
        fixture.given(created, new SocietyDeactivated(society, NOW))
                .when(update(null, null, null, true))
                .expectEvents(new SocietyReactivated(society, NOW));
    }

    @Test
    void aBlockComesWithItsFlatsAndFloors() {
        FlatId f1 = FlatId.random();
        FlatId f2 = FlatId.random();
        fixture.given(created)
                .when(new AddBlock(society, " C ", 4, List.of(new NewFlat(f1, "001", 0), new NewFlat(f2, " 401 ", 4))))
                .expectEvents(new BlockAdded(society, Blocks.idOf(society.value(), "C"), "C", 4, NOW),
                        new FlatAdded(society, f1, "C", "001", NOW, 0), new FlatAdded(society, f2, "C", "401", NOW, 4));
        verify(lookup).recordFlat(f1, society);
        verify(lookup).recordFlat(f2, society);
    }

    @Test
    void aBlockIsRefusedWholeForABadFloorATwiceListedNumberAnExistingFlatOrBlock() {
        fixture.given(created)
                .when(new AddBlock(society, "C", 4, List.of(new NewFlat(FlatId.random(), "101", 1),
                        new NewFlat(FlatId.random(), "501", 5))))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(created)
                .when(new AddBlock(society, "C", 4, List.of(new NewFlat(FlatId.random(), "101", 1),
                        new NewFlat(FlatId.random(), " 101", 1))))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(created, new FlatAdded(society, FlatId.random(), "c", "101", NOW))
                .when(new AddBlock(society, "C", 4, List.of(new NewFlat(FlatId.random(), "101", 1))))
                .expectException(Problem.class).expectExceptionMessage("Flat C-101 already exists in this society")
                .expectNoEvents();
        fixture.given(created, new BlockAdded(society, Blocks.idOf(society.value(), "C"), "C", 4, NOW))
                .when(new AddBlock(society, "c", 2, List.of(new NewFlat(FlatId.random(), "901", 1))))
                .expectException(Problem.class).expectExceptionMessage("Block c already exists in this society")
                .expectNoEvents();
        org.mockito.Mockito.verifyNoInteractions(lookup);
    }

    @Test
    void aFlatAddedAloneStaysWithinItsDeclaredBlocksFloors() {
        fixture.given(created, new BlockAdded(society, Blocks.idOf(society.value(), "C"), "C", 4, NOW))
                .when(new AddFlat(society, flat, "C", "501", 5))
                .expectException(Problem.class).expectNoEvents();
        fixture.given(created, new BlockAdded(society, Blocks.idOf(society.value(), "C"), "C", 4, NOW))
                .when(new AddFlat(society, flat, "C", "402", 4))
                .expectEvents(new FlatAdded(society, flat, "C", "402", NOW, 4));
    }
}
