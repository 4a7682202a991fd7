package dev.camelovershoot.benchmarks;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Waits, boundedly, for the frames still in flight after the last push to be decoded. */
final class Drain {

    private static final long LIMIT_NANOS = 3_000_000_000L;
    private static final long POLL_NANOS = 200_000_000L;

    private Drain() {
    }

    /** The decoded frames once the window's last frame is among them, or after 3 s (then it was lost). */
    static List<ProbeProcess.Decoded> await(ProbeProcess probe, Window window) throws Exception {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        List<ProbeProcess.Decoded> decoded = probe.decoded();
        while (decoded.stream().noneMatch(d -> d.counter() == window.last()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            decoded = probe.decoded();
        }
        System.err.println("decoded sizes in the window: " + window.sizes(decoded));
        return decoded;
    }
}
