package dev.camelovershoot.actions;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Tells when a stream of results is over: its source stopped, or it went quiet after its first result. */
final class ResultWatch {

    private static final long CHECK_NANOS = Duration.ofMillis(200).toNanos();

    private long lastArrival;
    private boolean arrived;

    synchronized void arrived() {
        lastArrival = System.nanoTime();
        arrived = true;
    }

    /**
     * Returns once {@code stopped} holds or no result arrived for {@code idle} after the first one; checks
     * {@code stopped} at least every 200 ms.
     */
    synchronized void awaitEnd(Duration idle, Duration timeout, BooleanSupplier stopped)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stopped.getAsBoolean()) {
            long now = System.nanoTime();
            long quietLeft = arrived ? lastArrival + idle.toNanos() - now : Long.MAX_VALUE;
            if (quietLeft <= 0) {
                return;
            }
            if (now - deadline >= 0) {
                throw new TimeoutException();
            }
            long waitNanos = Math.min(CHECK_NANOS, Math.min(quietLeft, deadline - now));
            wait(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
