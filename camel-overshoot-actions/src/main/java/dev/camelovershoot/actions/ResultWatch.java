package dev.camelovershoot.actions;

import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.component.OvershootConstants;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;

/**
 * Tells when a stream of results is over: the stream ended, its route stopped, or it went quiet after its first
 * result. Call {@link #take(Exchange)} for each exchange of an {@code overshoot:} consumer with
 * {@code lifecycleEvents=true} (or {@link #arrived()} for each result), from any thread.
 */
public final class ResultWatch {

    private static final long CHECK_NANOS = Duration.ofMillis(200).toNanos();
    private static final String ENDED = StreamEvent.Type.ENDED.name();

    private long lastArrival;
    private int arrivals;
    private boolean streamEnded;

    public synchronized void arrived() {
        lastArrival = System.nanoTime();
        arrivals++;
    }

    /**
     * One consumer exchange: a result counts as arrived; the stream's ENDED event, which follows its last result,
     * ends the watch; other lifecycle events are ignored.
     *
     * @return whether the exchange is a result
     */
    public boolean take(Exchange exchange) {
        String event = exchange.getMessage().getHeader(OvershootConstants.EVENT_TYPE, String.class);
        if (event == null) {
            arrived();
            return true;
        }
        if (ENDED.equals(event)) {
            synchronized (this) {
                streamEnded = true;
                notifyAll();
            }
        }
        return false;
    }

    /** Results seen so far. */
    public synchronized int arrivals() {
        return arrivals;
    }

    /**
     * Returns once the stream ended, {@code stopped} holds or no result arrived for {@code idle} after the first
     * one; checks {@code stopped} at least every 200 ms.
     *
     * @throws TimeoutException when neither happened within {@code timeout}
     */
    public synchronized void awaitEnd(Duration idle, Duration timeout, BooleanSupplier stopped)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!streamEnded && !stopped.getAsBoolean()) {
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
