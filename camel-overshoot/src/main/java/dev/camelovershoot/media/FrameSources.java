package dev.camelovershoot.media;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens {@link FrameSource}s from a location string:
 * <ul>
 *   <li>a file path or {@code file:} URI: a video file, played in real time by its timestamps, optionally looped;</li>
 *   <li>{@code camera:N}: the V4L2 camera {@code /dev/videoN}, optionally with FFmpeg options
 *       ({@code camera:0?video_size=1280x720&framerate=30&input_format=mjpeg});</li>
 *   <li>{@code rtsp://} and {@code rtsps://}: an RTSP stream, always over TCP;</li>
 *   <li>{@code http(s)://….m3u8}: an HLS playlist, live or on demand (played in real time, loopable);</li>
 *   <li>{@code rtmp://} and {@code rtmps://}: an RTMP stream to play.</li>
 * </ul>
 */
public final class FrameSources {

    private FrameSources() {
    }

    public static FrameSource open(String location) {
        return open(location, FrameSourceOptions.DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException when the location is not one of the supported forms, or names a file or camera
     *                                  that does not exist; network sources are only contacted once started
     */
    public static FrameSource open(String location, FrameSourceOptions options) {
        SourceSpec spec = SourceSpec.parse(location, options);
        if ((spec.kind() == SourceSpec.Kind.FILE || spec.kind() == SourceSpec.Kind.CAMERA)
                && !Files.exists(Path.of(spec.input()))) {
            throw new IllegalArgumentException(spec.kind() == SourceSpec.Kind.FILE
                    ? "video file " + spec.input() + " does not exist"
                    : "no camera at " + spec.input() + " (" + spec.description() + ")");
        }
        return new GrabberFrameSource(spec, options);
    }
}
