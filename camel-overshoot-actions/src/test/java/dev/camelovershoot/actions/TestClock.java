package dev.camelovershoot.actions;

import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand. */
final class TestClock implements InstantSource {

    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves on by whole milliseconds, so times in seconds compare exactly. */
    TestClock advance(double seconds) {
        now = now.plusMillis(Math.round(seconds * 1000));
        return this;
    }
}
