package dev.camelovershoot.client;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's own threads: daemon, one per executor. By default named {@value #PREFIX}{@code <role>-<n>} so leaks
 * are easy to spot; with a caller's {@link ThreadFactory} (a framework's, say) its thread gets the role appended to
 * the name the factory gave it. Public for {@code client.v1}.
 */
public final class Threads {

    static final String PREFIX = "overshoot-";

    private static final Logger LOG = LoggerFactory.getLogger(Threads.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Threads() {
    }

    /** Makes the threads of one role; {@code base} null means the client's own naming. */
    public static ThreadFactory factory(ThreadFactory base, String role) {
        return task -> {
            Thread thread;
            if (base == null) {
                thread = new Thread(task, PREFIX + role + "-" + SEQUENCE.incrementAndGet());
            } else {
                thread = base.newThread(task);
                thread.setName(thread.getName() + " " + role);
            }
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A single thread from {@code threads}; cancelled timers are dropped at once. */
    public static ScheduledExecutorService single(ThreadFactory threads) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** Like {@link #single}, whose thread ends after {@code idleSeconds} without work and comes back when needed. */
    static ScheduledExecutorService idling(ThreadFactory threads, long idleSeconds) {
        ScheduledThreadPoolExecutor executor = (ScheduledThreadPoolExecutor) single(threads);
        executor.setKeepAliveTime(idleSeconds, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
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
