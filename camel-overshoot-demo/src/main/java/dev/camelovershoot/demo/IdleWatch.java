package dev.camelovershoot.demo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** Tells when results are over: the source stopped, or none arrived for a while after the first one. */
final class IdleWatch {

    private static final long CHECK_NANOS = Duration.ofMillis(250).toNanos();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long lastArrival;
    private int arrivals;

    void arrived() {
        lock.lock();
        try {
            lastArrival = System.nanoTime();
            arrivals++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int arrivals() {
        lock.lock();
        try {
            return arrivals;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code stopped} holds, or no result arrived for {@code idle} after the first one, or {@code limit}
     * passed; returns whether it ended before the limit. Checks {@code stopped} at least every 250 ms.
     */
    boolean awaitEnd(Duration idle, Duration limit, BooleanSupplier stopped) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        lock.lock();
        try {
            while (!stopped.getAsBoolean()) {
                long now = System.nanoTime();
                long quietLeft = arrivals > 0 ? lastArrival + idle.toNanos() - now : Long.MAX_VALUE;
                if (quietLeft <= 0) {
                    return true;
                }
                long limitLeft = deadline - now;
                if (limitLeft <= 0) {
                    return false;
                }
                changed.awaitNanos(Math.min(CHECK_NANOS, Math.min(quietLeft, limitLeft)));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
