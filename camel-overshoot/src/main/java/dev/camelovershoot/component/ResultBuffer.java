package dev.camelovershoot.component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The results (and events) waiting for one consumer's route: filled by the stream's fan-out, drained by the consumer's
 * own thread. {@link #offer} never waits, so one slow consumer never holds up the stream or its other consumers; when
 * {@code capacity} items wait, the {@link OverflowPolicy} decides: {@code block} keeps the item (the backlog grows
 * beyond the capacity, nothing is lost, the route falls behind), {@code dropOldest} discards the oldest, {@code fail}
 * rejects the new one.
 */
final class ResultBuffer {

    /** What the buffer tells its consumer. */
    interface Listener {

        /** The {@code fail} policy rejected {@code item}. */
        void rejected(Object item);

        /** The {@code block} backlog went beyond the capacity ({@code true}) or back within it. */
        void behind(boolean behind);
    }

    private final Deque<Object> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final int capacity;
    private final OverflowPolicy policy;
    private final Listener listener;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    // Guarded by lock.
    private boolean behind;
    private boolean open = true;

    ResultBuffer(int capacity, OverflowPolicy policy, Listener listener) {
        if (capacity < 1) {
            throw new IllegalArgumentException("resultsQueueSize must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.policy = policy;
        this.listener = listener;
    }

    /** Adds an item for the route, as the policy says when the buffer is full; never waits. */
    void offer(Object item) {
        boolean reject = false;
        boolean fellBehind = false;
        lock.lock();
        try {
            if (!open) {
                dropped.incrementAndGet();
                return;
            }
            if (queue.size() >= capacity) {
                switch (policy) {
                    case block -> fellBehind = !behind;
                    case dropOldest -> {
                        queue.poll();
                        dropped.incrementAndGet();
                    }
                    case fail -> {
                        failed.incrementAndGet();
                        reject = true;
                    }
                }
            }
            if (!reject) {
                queue.add(item);
                behind |= fellBehind;
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
        if (reject) {
            listener.rejected(item);
        } else if (fellBehind) {
            listener.behind(true);
        }
    }

    /** The next item, waiting for one. */
    Object take() throws InterruptedException {
        Object item;
        boolean caughtUp;
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                notEmpty.await();
            }
            item = queue.poll();
            caughtUp = behind && queue.size() < capacity;
            behind &= !caughtUp;
        } finally {
            lock.unlock();
        }
        if (caughtUp) {
            listener.behind(false);
        }
        return item;
    }

    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more items; what is still queued counts as dropped. */
    void close() {
        lock.lock();
        try {
            open = false;
            dropped.addAndGet(queue.size());
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Discarded by the {@code dropOldest} policy, offered after close, or left over at stop. */
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
}
