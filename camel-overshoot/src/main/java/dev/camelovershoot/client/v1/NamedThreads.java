package dev.camelovershoot.client.v1;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The default thread factory of v1 sessions and watches: daemon threads named {@code overshoot-v1-<role>-<n>}. */
final class NamedThreads {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private NamedThreads() {
    }

    static ThreadFactory daemon(String role) {
        return task -> {
            Thread thread = new Thread(task, "overshoot-v1-" + role + "-" + SEQUENCE.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
