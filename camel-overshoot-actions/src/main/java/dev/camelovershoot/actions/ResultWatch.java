package dev.camelovershoot.actions;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Tells when a stream of results is over: its source stopped, or it went quiet after its first result. Call
 * {@link #arrived()} for each result, from any thread.
 */
public final class ResultWatch {

    private static final long CHECK_NANOS = Duration.ofMillis(200).toNanos();

    private long lastArrival;
    private int arrivals;

    public synchronized void arrived() {
        lastArrival = System.nanoTime();
        arrivals++;
    }

    /** Results seen so far. */
    public synchronized int arrivals() {
        return arrivals;
    }

    /**
     * Returns once {@code stopped} holds or no result arrived for {@code idle} after the first one; checks
     * {@code stopped} at least every 200 ms.
     *
     * @throws TimeoutException when neither happened within {@code timeout}
     */
    public synchronized void awaitEnd(Duration idle, Duration timeout, BooleanSupplier stopped)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stopped.getAsBoolean()) {
            long now = System.nanoTime();
            long quietLeft = arrivals > 0 ? lastArrival + idle.toNanos() - now : Long.MAX_VALUE;
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
