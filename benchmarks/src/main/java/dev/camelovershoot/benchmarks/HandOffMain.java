package dev.camelovershoot.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one thread hand-off of the results path costs on this machine now: a {@link ReentrantLock} condition
 * signalled to a parked thread, as a consumer's {@code ResultBuffer} does, ten times a second; the time from the
 * signal to the woken thread running. Argument: hand-offs (default 300). Prints {@code name value unit} lines.
 */
public final class HandOffMain {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition handedOver = lock.newCondition();
    private final List<Double> latencies = new ArrayList<>();
    // Guarded by lock: when the pending hand-off was signalled, 0 when none is pending.
    private long signalledNanos;

    private HandOffMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        HandOffMain main = new HandOffMain();
        Thread taker = new Thread(main::take, "hand-off-taker");
        taker.setDaemon(true);
        taker.start();
        for (int i = 0; i < count; i++) {
            Thread.sleep(100);
            main.signal();
        }
        Thread.sleep(200);
        Samples samples = main.samples();
        System.out.println(new Figure("hand_off_p50_ms", samples.percentile(50), "ms").line());
        System.out.println(new Figure("hand_off_p99_ms", samples.percentile(99), "ms").line());
        System.out.println(new Figure("hand_off_max_ms", samples.percentile(100), "ms").line());
        System.out.println(new Figure("hand_off_samples", samples.count(), "hand-offs").line());
    }

    private void signal() {
        lock.lock();
        try {
            signalledNanos = System.nanoTime();
            handedOver.signal();
        } finally {
            lock.unlock();
        }
    }

    private void take() {
        while (true) {
            lock.lock();
            try {
                while (signalledNanos == 0) {
                    handedOver.awaitUninterruptibly();
                }
                latencies.add((System.nanoTime() - signalledNanos) / 1e6);
                signalledNanos = 0;
            } finally {
                lock.unlock();
            }
        }
    }

    private Samples samples() {
        lock.lock();
        try {
            return new Samples(latencies);
        } finally {
            lock.unlock();
        }
    }
}
