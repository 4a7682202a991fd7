package dev.camelovershoot.media;

import java.nio.file.Path;
import java.util.List;

/**
 * Short videos of solid-colour segments for source tests: test-infra's {@code TestVideos}, with FFmpeg's log routed
 * the way the component routes it.
 */
public final class TestVideos {

    public static final int WIDTH = dev.camelovershoot.testinfra.frames.TestVideos.WIDTH;
    public static final int HEIGHT = dev.camelovershoot.testinfra.frames.TestVideos.HEIGHT;

    private TestVideos() {
    }

    /** The colour of each frame: {@code framesEach} frames of every colour, in order. */
    public static List<String> segments(int framesEach, String... colours) {
        return dev.camelovershoot.testinfra.frames.TestVideos.segments(framesEach, colours);
    }

    /** An MPEG-4 file (the mp4 container, MPEG-4 Part 2 video). */
    public static Path mp4(Path file, int fps, List<String> frameColours) throws Exception {
        FfmpegLog.install();
        return dev.camelovershoot.testinfra.frames.TestVideos.mp4(file, fps, frameColours);
    }

    /** An MP4 file with H.264 video, what cameras and RTSP servers usually carry. */
    public static Path h264Mp4(Path file, int fps, List<String> frameColours) throws Exception {
        FfmpegLog.install();
        return dev.camelovershoot.testinfra.frames.TestVideos.h264Mp4(file, fps, frameColours);
    }

    /** An HLS on-demand playlist of one-second H.264 segments; returns the playlist. */
    public static Path hls(Path playlist, int fps, List<String> frameColours) throws Exception {
        FfmpegLog.install();
        return dev.camelovershoot.testinfra.frames.TestVideos.hls(playlist, fps, frameColours);
    }
}
