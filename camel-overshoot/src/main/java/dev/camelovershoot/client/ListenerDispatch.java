package dev.camelovershoot.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Listener calls of a session or results channel: one at a time, in the order they were submitted. A result runs
 * on the thread that read it ({@link #executeHere}) when no earlier call is pending, which saves a thread hand-off
 * per result; everything else, and a result behind pending calls, runs on the dispatch thread. So user code never
 * runs on a session's control thread, and results and events stay in order.
 */
final class ListenerDispatch {

    private final ExecutorService thread;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean shutDown;
    /** The thread running listener calls right now, if any. */
    private volatile Thread caller;

    ListenerDispatch(ExecutorService thread) {
        this.thread = thread;
    }

    /**
     * Queues a call after those already submitted.
     *
     * @throws RejectedExecutionException after {@link #shutdown()}
     */
    void execute(Runnable call) {
        checkOpen();
        pending.add(call);
        drainElsewhere();
    }

    /** Runs the call on this thread if nothing is pending or running, else queues it like {@link #execute}. */
    void executeHere(Runnable call) {
        checkOpen();
        if (pending.isEmpty() && running.compareAndSet(false, true)) {
            runAsCaller(call);
        } else {
            execute(call);
        }
    }

    /** Whether the current thread is inside a listener call of this dispatch. */
    boolean inListener() {
        return caller == Thread.currentThread();
    }

    /** Takes no more calls; those already submitted still run, then the dispatch thread ends. */
    void shutdown() {
        pending.add(thread::shutdown);
        shutDown = true;
        drainElsewhere();
    }

    private void checkOpen() {
        if (shutDown) {
            throw new RejectedExecutionException("listener dispatch shut down");
        }
    }

    private void drainElsewhere() {
        if (running.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                running.set(false);
            }
        }
    }

    private void drain() {
        runAsCaller(() -> {
            for (Runnable call = pending.poll(); call != null; call = pending.poll()) {
                call.run();
            }
        });
    }

    /** Runs while holding {@code running}; calls submitted meanwhile then go to the dispatch thread. */
    private void runAsCaller(Runnable calls) {
        caller = Thread.currentThread();
        try {
            calls.run();
        } finally {
            caller = null;
            running.set(false);
            if (!pending.isEmpty()) {
                drainElsewhere();
            }
        }
    }
}
