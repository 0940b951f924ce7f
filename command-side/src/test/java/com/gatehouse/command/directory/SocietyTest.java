package com.gatehouse.command.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.directory.SocietyCommand.AddFlat;
import com.gatehouse.api.directory.SocietyCommand.CreateSociety;
import com.gatehouse.api.directory.SocietyEvent.FlatAdded;
import com.gatehouse.api.directory.SocietyEvent.SocietyCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

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
}
