package dev.camelovershoot.testinfra.frames;

import dev.camelovershoot.testinfra.inference.Palette;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Short videos of solid-colour segments, encoded with FFmpeg, whose content the {@code describe} backend can name:
 * for tests of sources and camera pulls.
 */
public final class TestVideos {

    public static final int WIDTH = 160;
    public static final int HEIGHT = 120;

    private TestVideos() {
    }

    /** The colour of each frame: {@code framesEach} frames of every colour, in order. */
    public static List<String> segments(int framesEach, String... colours) {
        List<String> frames = new ArrayList<>();
        for (String colour : colours) {
            frames.addAll(Collections.nCopies(framesEach, colour));
        }
        return frames;
    }

    /** An MPEG-4 file (the mp4 container, MPEG-4 Part 2 video). */
    public static Path mp4(Path file, int fps, List<String> frameColours) throws Exception {
        return record(file, "mp4", avcodec.AV_CODEC_ID_MPEG4, fps, frameColours, Map.of());
    }

    /** An MP4 file with H.264 video, what cameras and RTSP servers usually carry. */
    public static Path h264Mp4(Path file, int fps, List<String> frameColours) throws Exception {
        return record(file, "mp4", avcodec.AV_CODEC_ID_H264, fps, frameColours, Map.of());
    }

    /** An HLS on-demand playlist of one-second H.264 segments; returns the playlist. */
    public static Path hls(Path playlist, int fps, List<String> frameColours) throws Exception {
        return record(playlist, "hls", avcodec.AV_CODEC_ID_H264, fps, frameColours,
                Map.of("hls_time", "1", "hls_list_size", "0", "hls_playlist_type", "vod"));
    }

    private static Path record(Path file, String format, int codec, int fps, List<String> frameColours,
                               Map<String, String> options) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), WIDTH, HEIGHT, 0);
             Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3)) {
            recorder.setFormat(format);
            recorder.setVideoCodec(codec);
            recorder.setFrameRate(fps);
            recorder.setGopSize(fps);
            options.forEach(recorder::setOption);
            recorder.start();
            for (String colour : frameColours) {
                paint(frame, colour);
                recorder.record(frame);
            }
            recorder.stop();
        }
        return file;
    }

    private static void paint(Frame frame, String colour) {
        int[] rgb = Palette.rgb(colour);
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int row = 0; row < frame.imageHeight; row++) {
            for (int x = 0; x < frame.imageWidth; x++) {
                int at = row * frame.imageStride + 3 * x;
                pixels.put(at, (byte) rgb[2]).put(at + 1, (byte) rgb[1]).put(at + 2, (byte) rgb[0]);
            }
        }
    }
}
