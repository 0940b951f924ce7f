package com.gatehouse.command.entry;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.command.common.TestClock;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What the entry aggregates' fixtures share: the fixture's simulated clock and the cross-context rules. */
public final class FixtureSupport {

    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    public static final Duration EXPIRY = Duration.ofMinutes(15);
    public static final Duration OVERSTAY = Duration.ofMinutes(30);
    public static final Duration REMIND_AFTER = Duration.ofSeconds(45);
    public static final Duration GUARD_ALERT_AFTER = Duration.ofSeconds(90);

    private FixtureSupport() {
    }

    /** Registers a clock that reads the fixture's simulated time, the settings, and the lookups of other contexts. */
    static void registerResources(AggregateTestFixture<?> fixture, Map<FlatId, SocietyId> flats,
                                  EntryPhotos photos) {
        fixture.registerInjectableResource(TestClock.following(fixture::currentTime));
        fixture.registerInjectableResource(new EntryRequestSettings(EXPIRY, OVERSTAY, REMIND_AFTER, GUARD_ALERT_AFTER));
        fixture.registerInjectableResource(new DirectoryLookup(null) {
            @Override
            public Optional<SocietyId> societyOfFlat(FlatId flat) {
                return Optional.ofNullable(flats.get(flat));
            }
        });
        fixture.registerInjectableResource(photos);
    }

    /** A refusal of the given kind whose detail mentions {@code text}. */
    public static Matcher<Throwable> problem(Problem.Kind kind, String text) {
        return com.gatehouse.command.common.Problems.problem(kind, text);
    }
}
