package dev.camelovershoot.benchmarks;

import java.util.concurrent.locks.LockSupport;

/** Frame deadlines at a fixed rate from the pacer's creation, absolute so that late frames cause no drift. */
final class Pacer {

    private final long start = System.nanoTime();
    private final long periodNanos;

    Pacer(double fps) {
        this.periodNanos = (long) (1e9 / fps);
    }

    /** Waits for the deadline of frame {@code n} (from 1); returns at once when it has passed. */
    void await(int n) {
        long wait = start + (n - 1) * periodNanos - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
