package dev.camelovershoot.testinfra.inference;

/**
 * A stream's validated sampling configuration, with legacy {@code fps × sampling_ratio} already mapped to
 * {@code targetFps}.
 *
 * @param mode              {@code frame} or {@code clip}
 * @param intervalSeconds   frame mode: seconds between inferences (0 in clip mode)
 * @param targetFps         clip mode: frames sampled per second of clip (0 in frame mode)
 * @param clipLengthSeconds clip mode: seconds of video per clip (0 in frame mode)
 * @param delaySeconds      clip mode: seconds between inferences (0 in frame mode; 0 in clip mode means back to back)
 */
public record ProcessingSpec(String mode, double intervalSeconds, int targetFps, double clipLengthSeconds, double delaySeconds) {

    public static ProcessingSpec frame(double intervalSeconds) {
        return new ProcessingSpec("frame", intervalSeconds, 0, 0, 0);
    }

    public static ProcessingSpec clip(int targetFps, double clipLengthSeconds, double delaySeconds) {
        return new ProcessingSpec("clip", 0, targetFps, clipLengthSeconds, delaySeconds);
    }

    public boolean isClip() {
        return "clip".equals(mode);
    }

    /**
     * Seconds between two inferences: the interval in frame mode, the delay in clip mode. A clip delay of 0 runs
     * clips back to back, so the period is then one clip length.
     */
    public double periodSeconds() {
        if (!isClip()) {
            return intervalSeconds;
        }
        return delaySeconds > 0 ? delaySeconds : clipLengthSeconds;
    }
}
