package dev.camelovershoot.testinfra.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** Keepalive faults queued by tests, consumed one per keepalive call in the order they were queued. */
final class KeepaliveFaults {

    /** Either a failure with {@code status} or, when status is 0, an answer delayed by {@code delay}. */
    record KeepaliveFault(int status, Duration delay) {

        boolean fails() {
            return status != 0;
        }
    }

    private final Deque<KeepaliveFault> queue = new ArrayDeque<>();

    synchronized void fail(int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status (4xx or 5xx)");
        }
        add(count, new KeepaliveFault(status, Duration.ZERO));
    }

    synchronized void delay(int count, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        add(count, new KeepaliveFault(0, delay));
    }

    /** The fault for this keepalive, or {@code null} to answer normally. */
    synchronized KeepaliveFault next() {
        return queue.pollFirst();
    }

    private void add(int count, KeepaliveFault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        for (int i = 0; i < count; i++) {
            queue.addLast(fault);
        }
    }
}
