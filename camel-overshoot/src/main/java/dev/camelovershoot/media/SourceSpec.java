package dev.camelovershoot.media;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * How a source location maps onto FFmpeg: what to open, which demuxer to force, which options to set.
 *
 * @param kind        what kind of source it is
 * @param description the location for messages, without password
 * @param input       what FFmpeg opens: a path, a device or a URL
 * @param format      the demuxer to force, or null to let FFmpeg probe
 * @param options     demuxer and protocol options ({@code AVDictionary} entries)
 */
record SourceSpec(Kind kind, String description, String input, String format, Map<String, String> options) {

    enum Kind {
        FILE(true), CAMERA(false), RTSP(false), HLS(true), RTMP(false);

        /**
         * Recorded media: FFmpeg reads it as fast as it can decode, so frames are paced by their timestamps, and it
         * can be looped. Live sources deliver frames as they happen.
         */
        final boolean recorded;

        Kind(boolean recorded) {
            this.recorded = recorded;
        }
    }

    static final String EXPECTED = "expected a file path, file:…, camera:N, rtsp://…, rtsps://…, http(s)://….m3u8, "
            + "rtmp://… or rtmps://…";

    private static final String RTMP_ANALYZE_MICROS = "2000000";
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final Pattern CAMERA = Pattern.compile("camera:(\\d+)(?:\\?(.*))?");
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/@]+@");

    SourceSpec {
        options = Map.copyOf(options);
    }

    /** A grabber for this source, configured but not started: the caller starts and closes it. */
    FFmpegFrameGrabber newGrabber() {
        FfmpegLog.install();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input);
        if (format != null) {
            grabber.setFormat(format);
        }
        options.forEach(grabber::setOption);
        // RAW: decode only; frames are converted (and scaled) once kept, see FrameConverter#fromJavaCv
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        return grabber;
    }

    static SourceSpec parse(String location, FrameSourceOptions sourceOptions) {
        String trimmed = location == null ? "" : location.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("frame source location is empty; " + EXPECTED);
        }
        SourceSpec spec = of(trimmed, micros(sourceOptions));
        if (sourceOptions.loop() && !spec.kind().recorded) {
            throw new IllegalArgumentException("loop applies to files and HLS playlists, not to " + spec.kind()
                    + " source " + spec.description());
        }
        return spec;
    }

    private static SourceSpec of(String location, String timeoutMicros) {
        if (location.startsWith("camera:")) {
            return camera(location);
        }
        if (location.startsWith("file:")) {
            return file(Path.of(uri(location)), location);
        }
        Matcher scheme = SCHEME.matcher(location);
        if (!scheme.find()) {
            return file(Path.of(location), location);
        }
        String description = USER_INFO.matcher(location).replaceFirst("$1***@");
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "rtsp", "rtsps" -> new SourceSpec(Kind.RTSP, description, location, null,
                    // TCP: UDP needs inbound ports and loses packets through NAT; timeout is the socket I/O timeout
                    Map.of("rtsp_transport", "tcp", "timeout", timeoutMicros));
            case "rtmp", "rtmps" -> new SourceSpec(Kind.RTMP, description, location, null,
                    // not "timeout": for RTMP that makes FFmpeg listen for a publisher. A live FLV stream otherwise
                    // takes ~10 s to probe (measured against nginx-rtmp); 2 s of analysis is enough for its video.
                    Map.of("rw_timeout", timeoutMicros, "analyzeduration", RTMP_ANALYZE_MICROS));
            case "http", "https" -> hls(location, description, timeoutMicros);
            default -> throw new IllegalArgumentException("unsupported frame source " + description + "; " + EXPECTED);
        };
    }

    private static SourceSpec hls(String location, String description, String timeoutMicros) {
        String path = uri(location).getPath();
        if (path == null || !path.toLowerCase(Locale.ROOT).endsWith(".m3u8")) {
            throw new IllegalArgumentException("an http(s) frame source must be an HLS playlist (….m3u8), got " + description);
        }
        return new SourceSpec(Kind.HLS, description, location, "hls", Map.of("rw_timeout", timeoutMicros));
    }

    private static SourceSpec camera(String location) {
        Matcher camera = CAMERA.matcher(location);
        if (!camera.matches()) {
            throw new IllegalArgumentException("a camera source is camera:N for the V4L2 device /dev/videoN, optionally "
                    + "with FFmpeg options such as camera:0?video_size=1280x720&framerate=30; got " + location);
        }
        return new SourceSpec(Kind.CAMERA, location, "/dev/video" + camera.group(1), "video4linux2",
                query(camera.group(2), location));
    }

    private static SourceSpec file(Path path, String location) {
        return new SourceSpec(Kind.FILE, location, path.toAbsolutePath().normalize().toString(), null, Map.of());
    }

    private static Map<String, String> query(String query, String location) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected key=value options after '?', got '" + pair + "' in " + location);
            }
            options.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return options;
    }

    private static URI uri(String location) {
        try {
            return URI.create(location);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid frame source URI " + location + ": " + e.getMessage(), e);
        }
    }

    private static String micros(FrameSourceOptions options) {
        return Long.toString(options.ioTimeout().toNanos() / 1_000);
    }
}
