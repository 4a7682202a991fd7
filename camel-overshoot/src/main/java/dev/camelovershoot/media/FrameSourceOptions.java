package dev.camelovershoot.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FrameSource} reads.
 *
 * @param maxFps    at most this many frames a second are delivered (others are dropped before conversion); 0 = all
 * @param loop      start again at the end (files and HLS playlists only)
 * @param width     scale frames to this width (with {@code height}); 0 = the source's size
 * @param height    scale frames to this height (with {@code width}); 0 = the source's size
 * @param ioTimeout how long a network read may block before the source fails; also bounds how long close() waits
 */
public record FrameSourceOptions(double maxFps, boolean loop, int width, int height, Duration ioTimeout) {

    public static final FrameSourceOptions DEFAULTS = new FrameSourceOptions(0, false, 0, 0, Duration.ofSeconds(10));

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
        return new FrameSourceOptions(fps, loop, width, height, ioTimeout);
    }

    public FrameSourceOptions withLoop(boolean repeat) {
        return new FrameSourceOptions(maxFps, repeat, width, height, ioTimeout);
    }

    public FrameSourceOptions withSize(int frameWidth, int frameHeight) {
        return new FrameSourceOptions(maxFps, loop, frameWidth, frameHeight, ioTimeout);
    }

    public FrameSourceOptions withIoTimeout(Duration timeout) {
        return new FrameSourceOptions(maxFps, loop, width, height, timeout);
    }

    boolean scales() {
        return width > 0;
    }
}
