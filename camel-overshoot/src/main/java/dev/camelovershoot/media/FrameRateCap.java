package dev.camelovershoot.media;

/**
 * Keeps at most {@code maxFps} frames a second by stream time, dropping the rest. Kept frames stay on a regular grid
 * (a 30 fps source capped at 2 fps keeps every 15th frame), resynchronising after gaps.
 */
public final class FrameRateCap {

    private final long intervalNanos;
    /** Source timestamps jitter; a frame this close before its slot still takes it. */
    private final long toleranceNanos;
    private long nextSlotNanos;

    public FrameRateCap(double maxFps) {
        this.intervalNanos = maxFps > 0 ? Math.round(1e9 / maxFps) : 0;
        this.toleranceNanos = intervalNanos / 20;
    }

    /** Whether the frame at this stream time is kept. */
    public boolean admit(long positionNanos) {
        if (intervalNanos == 0) {
            return true;
        }
        if (positionNanos < nextSlotNanos - toleranceNanos) {
            return false;
        }
        boolean onGrid = positionNanos - nextSlotNanos < intervalNanos;
        nextSlotNanos = (onGrid ? nextSlotNanos : positionNanos) + intervalNanos;
        return true;
    }
}
