package dev.camelovershoot.media;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * How a {@link FrameSource} reads.
 *
 * @param maxFps    at most this many frames a second are delivered (others are dropped before conversion); 0 = all
 * @param loop      start again at the end (files and HLS playlists only)
 * @param width     scale frames to this width (with {@code height}); 0 = the source's size
 * @param height    scale frames to this height (with {@code width}); 0 = the source's size
 * @param ioTimeout how long a network read may block before the source fails; also bounds how long close() waits
 * @param threads   makes the reader thread (named by it); {@code null}: a daemon thread {@code frame-source-<kind>}
 */
public record FrameSourceOptions(double maxFps, boolean loop, int width, int height, Duration ioTimeout,
                                 ThreadFactory threads) {

    public static final FrameSourceOptions DEFAULTS = new FrameSourceOptions(0, false, 0, 0, Duration.ofSeconds(10),
            null);

    public FrameSourceOptions {
        if (!(maxFps >= 0) || Double.isInfinite(maxFps)) {
            throw new IllegalArgumentException("maxFps must be 0 (no limit) or positive, got " + maxFps);
        }
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("width and height must both be positive or both 0 (source size), got "
                    + width + "x" + height);
        }
        Objects.requireNonNull(ioTimeout, "ioTimeout");
        if (ioTimeout.isNegative() || ioTimeout.isZero()) {
            throw new IllegalArgumentException("ioTimeout must be positive, got " + ioTimeout);
        }
    }

    public FrameSourceOptions withMaxFps(double fps) {
        return new FrameSourceOptions(fps, loop, width, height, ioTimeout, threads);
    }

    public FrameSourceOptions withLoop(boolean repeat) {
        return new FrameSourceOptions(maxFps, repeat, width, height, ioTimeout, threads);
    }

    public FrameSourceOptions withSize(int frameWidth, int frameHeight) {
        return new FrameSourceOptions(maxFps, loop, frameWidth, frameHeight, ioTimeout, threads);
    }

    public FrameSourceOptions withIoTimeout(Duration timeout) {
        return new FrameSourceOptions(maxFps, loop, width, height, timeout, threads);
    }

    public FrameSourceOptions withThreads(ThreadFactory factory) {
        return new FrameSourceOptions(maxFps, loop, width, height, ioTimeout, factory);
    }

    boolean scales() {
        return width > 0;
    }
}
