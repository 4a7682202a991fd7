package dev.camelovershoot.testinfra.v1;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** Faults a test queued for the next chat completions: a failure status, or a delay before the normal answer. */
final class ChatFaults {

    /** One queued fault: {@code status > 0} fails the request, else it is answered after {@code delay}. */
    record Fault(int status, Duration delay) {
    }

    private final Deque<Fault> queue = new ArrayDeque<>();

    synchronized void fail(int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status, was " + status);
        }
        add(count, new Fault(status, Duration.ZERO));
    }

    synchronized void delay(int count, Duration delay) {
        add(count, new Fault(0, delay));
    }

    /** The fault for this request, or {@code null}. */
    synchronized Fault next() {
        return queue.pollFirst();
    }

    private void add(int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        for (int i = 0; i < count; i++) {
            queue.addLast(fault);
        }
    }
}
