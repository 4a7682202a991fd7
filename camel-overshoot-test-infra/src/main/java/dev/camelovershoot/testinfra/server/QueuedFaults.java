package dev.camelovershoot.testinfra.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults queued by tests for one kind of call (keepalives, v1 chat completions), consumed one per call in the order
 * they were queued.
 */
public final class QueuedFaults {

    /** Either a failure with {@code status} or, when status is 0, an answer delayed by {@code delay}. */
    public record Fault(int status, Duration delay) {

        public boolean fails() {
            return status != 0;
        }
    }

    private final Deque<Fault> queue = new ArrayDeque<>();

    public synchronized void fail(int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status (4xx or 5xx)");
        }
        add(count, new Fault(status, Duration.ZERO));
    }

    public synchronized void delay(int count, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        add(count, new Fault(0, delay));
    }

    /** The fault for this call, or {@code null} to answer normally. */
    public synchronized Fault next() {
        return queue.pollFirst();
    }

    private void add(int count, Fault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        for (int i = 0; i < count; i++) {
            queue.addLast(fault);
        }
    }
}
