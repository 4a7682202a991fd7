package dev.camelovershoot.benchmarks;

import java.util.List;

/**
 * How long and how much to measure.
 *
 * @param warmupSeconds  pushed before the window: joining the room, the encoder's ramp-up
 * @param windowSeconds  the measured window of the end-to-end runs
 * @param codecs         codecs of the end-to-end runs of our client (the side-by-side uses H264)
 * @param scaleStreams   stream counts of the scale run
 * @param scaleWindowSeconds measured window of each scale step
 * @param rtcNodeRampSeconds longest wait for rtc-node to send full size before its warm-up: it starts 720p at a
 *                           fraction of the size and scales up as its bandwidth estimate grows (our client sends
 *                           full size at once)
 * @param askWarmup          v1 asks: asks of each kind (client, bare) sent before the measured ones
 * @param asks                v1 asks: measured asks of each kind (both rounded down to whole blocks)
 * @param watchStreams       v1 watch loops (and streams) at once
 * @param watchWindowSeconds measured window of the watch loops (and of the idle floor before them)
 */
record Settings(String name, double fps, double warmupSeconds, double windowSeconds, List<String> codecs,
                List<Integer> scaleStreams, double scaleWindowSeconds, boolean rtcNode,
                double rtcNodeRampSeconds, int askWarmup, int asks, int watchStreams,
                double watchWindowSeconds) {

    static Settings quick() {
        return new Settings("quick", 30, 2, 4, List.of("h264"), List.of(4), 3, true, 20, 300, 1000, 64, 10);
    }

    static Settings full() {
        return new Settings("full", 30, 4, 20, List.of("vp8", "h264"), List.of(1, 8, 32, 64), 10, true, 30, 1000,
                5000, 64, 30);
    }

    /** A few seconds of everything but rtc-node, so that the harness is exercised by the build. */
    static Settings tiny() {
        return new Settings("tiny", 30, 1.5, 1.5, List.of("h264"), List.of(2), 2, false, 0, 25, 50, 4, 2);
    }

    static Settings named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "full" -> full();
            case "tiny" -> tiny();
            default -> throw new IllegalArgumentException("mode must be quick, full or tiny, not " + name);
        };
    }

    int warmupFrames() {
        return (int) Math.round(warmupSeconds * fps);
    }

    int windowFrames() {
        return (int) Math.round(windowSeconds * fps);
    }
}
