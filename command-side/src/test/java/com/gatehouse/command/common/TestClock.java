package com.gatehouse.command.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The clock aggregates are given in fixture tests: UTC, reading the time the test decides (the fixture's
 * simulated time, or an instant the test moves with {@link #set}).
 */
public final class TestClock extends Clock {

    private final Supplier<Instant> source;
    private volatile Instant fixed;

    private TestClock(Supplier<Instant> source, Instant fixed) {
        this.source = source;
        this.fixed = fixed;
    }

    /** A clock that follows a time kept elsewhere, e.g. {@code fixture::currentTime}. */
    public static TestClock following(Supplier<Instant> time) {
        return new TestClock(time, null);
    }

    /** A clock that stands at {@code at} until the test moves it. */
    public static TestClock at(Instant at) {
        return new TestClock(null, at);
    }

    /** Moves a clock made with {@link #at}. */
    public void set(Instant at) {
        if (source != null) {
            throw new IllegalStateException("This clock follows another time source");
        }
        fixed = at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return source != null ? source.get() : fixed;
    }
}
