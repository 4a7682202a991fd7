package dev.camelovershoot.client;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client's own threads: daemon, one per executor, named {@value #PREFIX}… so leaks are easy to spot. */
final class Threads {

    static final String PREFIX = "overshoot-";

    private static final Logger LOG = LoggerFactory.getLogger(Threads.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Threads() {
    }

    /** A unique thread name: {@code overshoot-<role>-<n>}. */
    static String name(String role) {
        return PREFIX + role + "-" + SEQUENCE.incrementAndGet();
    }

    /** A single daemon thread with this name; cancelled timers are dropped at once. */
    static ScheduledExecutorService single(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** Runs user code so that its failure is logged instead of stopping the thread's other work. */
    static void guarded(String what, Runnable userCode) {
        try {
            userCode.run();
        } catch (RuntimeException e) {
            LOG.warn("A listener failed in {}; continuing", what, e);
        }
    }
}
