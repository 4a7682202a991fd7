package dev.camelovershoot.component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The results (and events) waiting for a consumer's route, filled on the session's events thread and drained by the
 * consumer's own thread, with what happens when it is full decided by the {@link OverflowPolicy}.
 */
final class ResultBuffer {

    /** How often a blocked offer checks whether the consumer stopped taking results. */
    private static final long BLOCK_CHECK_MILLIS = 100;

    private final BlockingQueue<Object> queue;
    private final OverflowPolicy policy;
    private final Consumer<Object> rejected;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean open = true;

    /**
     * @param rejected told of each item the {@code fail} policy rejects
     */
    ResultBuffer(int capacity, OverflowPolicy policy, Consumer<Object> rejected) {
        if (capacity < 1) {
            throw new IllegalArgumentException("resultsQueueSize must be at least 1, got " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.policy = policy;
        this.rejected = rejected;
    }

    void offer(Object item) {
        switch (policy) {
            case block -> put(item);
            case dropOldest -> {
                while (!queue.offer(item)) {
                    if (queue.poll() != null) {
                        dropped.incrementAndGet();
                    }
                }
            }
            case fail -> {
                if (!queue.offer(item)) {
                    failed.incrementAndGet();
                    rejected.accept(item);
                }
            }
        }
    }

    /** The next item, waiting for one. */
    Object take() throws InterruptedException {
        return queue.take();
    }

    int size() {
        return queue.size();
    }

    /** Stops waiting offers; what is still queued counts as dropped. */
    void close() {
        open = false;
        dropped.addAndGet(queue.size());
        queue.clear();
    }

    /** Discarded by the {@code dropOldest} policy or left over at stop. */
    long dropped() {
        return dropped.get();
    }

    /** Rejected by the {@code fail} policy. */
    long failed() {
        return failed.get();
    }

    /** Counts an item the consumer chose not to queue. */
    void countDropped() {
        dropped.incrementAndGet();
    }

    private void put(Object item) {
        try {
            while (open) {
                if (queue.offer(item, BLOCK_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropped.incrementAndGet();
    }
}
