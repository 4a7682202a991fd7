package dev.camelovershoot.actions;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** Each reading is one step later than the previous: results read as arriving one sampling interval apart. */
public final class SteppingClock implements InstantSource {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong readings = new AtomicLong();
    private long stepMillis = 500;

    /** A bean property, so YAML can set it. */
    public void setStepMillis(long stepMillis) {
        this.stepMillis = stepMillis;
    }

    @Override
    public Instant instant() {
        return START.plusMillis(stepMillis * readings.getAndIncrement());
    }
}
