package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Sampling parameters: either frame fields ({@code interval_seconds}) or clip fields. Build it with a factory;
 * the service rejects mixed shapes.
 *
 * @param intervalSeconds   frame mode: seconds between inferences (0.1–60)
 * @param targetFps         clip mode: frames sampled per second (1–30)
 * @param clipLengthSeconds clip mode: clip length (0.1–60)
 * @param delaySeconds      clip mode: seconds between inferences (0–60)
 * @param fps               deprecated clip mode: source frame rate
 * @param samplingRatio     deprecated clip mode: share of frames sampled (0–1)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Processing(Double intervalSeconds, Integer targetFps, Double clipLengthSeconds, Double delaySeconds,
                         Integer fps, Double samplingRatio) {

    /** One frame per inference, every {@code intervalSeconds}. */
    public static Processing frame(double intervalSeconds) {
        return new Processing(intervalSeconds, null, null, null, null, null);
    }

    /** A clip of {@code clipLengthSeconds} sampled at {@code targetFps} per inference, every {@code delaySeconds}. */
    public static Processing clip(int targetFps, double clipLengthSeconds, double delaySeconds) {
        return new Processing(null, targetFps, clipLengthSeconds, delaySeconds, null, null);
    }

    /** The deprecated clip shape; the service samples {@code floor(fps × samplingRatio)} frames per second. */
    public static Processing legacyClip(int fps, double samplingRatio, double clipLengthSeconds, double delaySeconds) {
        return new Processing(null, null, clipLengthSeconds, delaySeconds, fps, samplingRatio);
    }

    /** The mode these fields describe, by the service's own rule: an interval means frame mode. */
    public Mode mode() {
        return intervalSeconds != null ? Mode.FRAME : Mode.CLIP;
    }
}
