package dev.camelovershoot.transport;

import dev.camelovershoot.client.wire.Processing;

/**
 * The frame rate a stream needs, so that a 30 fps camera feeding a stream that looks every half second does not
 * pay for encoding 30 frames a second.
 */
public final class PublishRate {

    private PublishRate() {
    }

    /**
     * Frame mode: two frames per interval, so the newest frame is never older than half an interval. Clip mode: the
     * rate the service samples at ({@code target_fps}, or {@code floor(fps × sampling_ratio)}). Never above
     * {@code maxFps}, never below 1.
     */
    public static double of(Processing processing, double maxFps) {
        double needed;
        if (processing.intervalSeconds() != null) {
            needed = Math.ceil(2 / processing.intervalSeconds());
        } else if (processing.targetFps() != null) {
            needed = processing.targetFps();
        } else if (processing.fps() != null && processing.samplingRatio() != null) {
            needed = Math.floor(processing.fps() * processing.samplingRatio());
        } else {
            needed = maxFps;
        }
        return Math.max(1, Math.min(maxFps, needed));
    }
}
