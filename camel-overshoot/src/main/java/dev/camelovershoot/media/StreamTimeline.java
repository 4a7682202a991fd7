package dev.camelovershoot.media;

/**
 * Maps a source's timestamps onto one clock that starts at 0 with the first frame and keeps running across loops: a
 * looped file's second pass continues one frame interval after the first pass's last frame.
 */
final class StreamTimeline {

    private long passStartMicros = -1;
    private long passOffsetNanos;
    private long lastNanos;
    private long lastIntervalNanos;

    /** The frame's position on the stream clock, in nanoseconds. */
    long position(long sourceMicros) {
        if (passStartMicros < 0) {
            passStartMicros = sourceMicros;
        }
        long position = passOffsetNanos + (sourceMicros - passStartMicros) * 1_000;
        if (position > lastNanos) {
            lastIntervalNanos = position - lastNanos;
        }
        lastNanos = position;
        return position;
    }

    /** The source starts again from its beginning. */
    void nextPass() {
        passOffsetNanos = lastNanos + lastIntervalNanos;
        passStartMicros = -1;
    }
}
