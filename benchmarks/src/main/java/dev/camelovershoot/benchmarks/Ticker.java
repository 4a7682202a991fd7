package dev.camelovershoot.benchmarks;

import dev.camelovershoot.component.OvershootConstants;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.Exchange;

/**
 * Sends tick k's frame to every stream, stream i at {@code (k-1)/fps + i/(fps*N)} seconds from its start: pushes
 * spread evenly over each frame period. Counts the frames the producers published once asked to.
 */
final class Ticker {

    /** Sends one frame to stream {@code i}. */
    @FunctionalInterface
    interface Sender {
        Exchange send(int stream, byte[] jpeg);
    }

    private final Sender sender;
    private final List<byte[]> jpegs;
    private final int streams;
    private final long slotNanos;
    private final long start = System.nanoTime();
    private boolean counting;
    private int published;

    Ticker(Sender sender, List<byte[]> jpegs, int streams, double fps) {
        this.sender = sender;
        this.jpegs = jpegs;
        this.streams = streams;
        this.slotNanos = (long) (1e9 / fps / streams);
    }

    void send(int tick) {
        for (int i = 0; i < streams; i++) {
            parkUntil(((long) (tick - 1) * streams + i) * slotNanos);
            Exchange sent = sender.send(i, jpegs.get(tick));
            if (counting && sent.getMessage().getHeader(OvershootConstants.FRAME_PUBLISHED, true, Boolean.class)) {
                published++;
            }
        }
    }

    /** From now on, count the frames the producers publish. */
    void countPublished() {
        counting = true;
    }

    int published() {
        return published;
    }

    void awaitTickEnd(int tick) {
        parkUntil((long) tick * streams * slotNanos);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void parkUntil(long offsetNanos) {
        long wait = start + offsetNanos - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
