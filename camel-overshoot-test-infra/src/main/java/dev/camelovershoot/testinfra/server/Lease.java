package dev.camelovershoot.testinfra.server;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A stream's lease: a timer that fires when no keepalive renewed it within the TTL. Each renewal starts a new
 * generation, so a timer that fires just as a keepalive renews the lease can tell that it is stale. Not thread-safe:
 * the owning {@link Stream} calls it under its own lock.
 */
final class Lease {

    static final String EXPIRED = "lease_expired";
    static final String UNPAID = "insufficient_credits";

    private final ScheduledExecutorService timers;
    private final Duration ttl;
    private final LongConsumer onLapse;
    private ScheduledFuture<?> expiry;
    private long generation;
    private String lapseReason = EXPIRED;

    /** @param onLapse called on the timer thread with the generation that lapsed */
    Lease(ScheduledExecutorService timers, Duration ttl, LongConsumer onLapse) {
        this.timers = timers;
        this.ttl = ttl;
        this.onLapse = onLapse;
    }

    void renew() {
        cancel();
        lapseReason = EXPIRED;
        long current = generation;
        expiry = timers.schedule(() -> onLapse.accept(current), ttl.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A keepalive was refused for lack of credits: when this lease lapses, that is the reason. */
    void markUnpaid() {
        lapseReason = UNPAID;
    }

    boolean isCurrent(long lapsedGeneration) {
        return lapsedGeneration == generation;
    }

    String lapseReason() {
        return lapseReason;
    }

    void cancel() {
        generation++;
        if (expiry != null) {
            expiry.cancel(false);
        }
    }
}
