package dev.camelovershoot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Location parsing and the FFmpeg options each kind of source sets; nothing here opens a stream. */
class FrameSourcesTest {

    private static final FrameSourceOptions DEFAULTS = FrameSourceOptions.DEFAULTS;

    @Test
    void aPathIsAFile() {
        SourceSpec spec = SourceSpec.parse("videos/../clip.mp4", DEFAULTS);

        assertThat(spec.kind()).isEqualTo(SourceSpec.Kind.FILE);
        assertThat(spec.input()).isEqualTo(Path.of("clip.mp4").toAbsolutePath().toString());
        assertThat(spec.format()).isNull();
        assertThat(spec.options()).isEmpty();
        assertThat(spec.description()).isEqualTo("videos/../clip.mp4");
    }

    @Test
    void aFileUriIsAFile() {
        SourceSpec spec = SourceSpec.parse("file:///data/clip%20one.mp4", DEFAULTS);

        assertThat(spec.kind()).isEqualTo(SourceSpec.Kind.FILE);
        assertThat(spec.input()).isEqualTo("/data/clip one.mp4");
    }

    @Test
    void aCameraIsAV4l2Device() {
        SourceSpec spec = SourceSpec.parse("camera:2", DEFAULTS);

        assertThat(spec.kind()).isEqualTo(SourceSpec.Kind.CAMERA);
        assertThat(spec.input()).isEqualTo("/dev/video2");
        assertThat(spec.format()).isEqualTo("video4linux2");
        assertThat(spec.options()).isEmpty();
    }

    @Test
    void cameraOptionsArePassedToFfmpeg() {
        SourceSpec spec = SourceSpec.parse("camera:0?video_size=1280x720&framerate=30&input_format=mjpeg", DEFAULTS);

        assertThat(spec.options()).isEqualTo(Map.of("video_size", "1280x720", "framerate", "30", "input_format", "mjpeg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"camera:", "camera:front", "camera:0?video_size"})
    void refusesMalformedCameras(String location) {
        assertThatThrownBy(() -> SourceSpec.parse(location, DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rtsp://user:secret@cam.local:554/stream", "RTSPS://user:secret@cam.local/stream"})
    void rtspGoesOverTcpWithASocketTimeoutAndHidesThePassword(String location) {
        SourceSpec spec = SourceSpec.parse(location, DEFAULTS.withIoTimeout(Duration.ofSeconds(3)));

        assertThat(spec.kind()).isEqualTo(SourceSpec.Kind.RTSP);
        assertThat(spec.input()).isEqualTo(location);
        assertThat(spec.options()).isEqualTo(Map.of("rtsp_transport", "tcp", "timeout", "3000000"));
        assertThat(spec.description()).doesNotContain("secret").contains("://***@cam.local");
    }

    @Test
    void anM3u8UrlIsHls() {
        SourceSpec spec = SourceSpec.parse("https://cdn.example/live/index.m3u8?token=abc", DEFAULTS);

        assertThat(spec.kind()).isEqualTo(SourceSpec.Kind.HLS);
        assertThat(spec.format()).isEqualTo("hls");
        assertThat(spec.options()).isEqualTo(Map.of("rw_timeout", "10000000"));
    }

    @Test
    void rtmpHasAnIoTimeoutAndAShortProbe() {
        SourceSpec spec = SourceSpec.parse("rtmp://media.example/live/key", DEFAULTS);

        assertThat(spec.kind()).isEqualTo(SourceSpec.Kind.RTMP);
        assertThat(spec.options()).isEqualTo(Map.of("rw_timeout", "10000000", "analyzeduration", "2000000"))
                .as("'timeout' would make FFmpeg's RTMP client listen instead of connect").doesNotContainKey("timeout");
    }

    @Test
    void theGrabberGetsTheSpecsFormatAndOptionsAndDecodesOnly() throws Exception {
        SourceSpec spec = SourceSpec.parse("camera:1?framerate=15", DEFAULTS);
        try (FFmpegFrameGrabber grabber = spec.newGrabber()) {
            assertThat(grabber.getFormat()).isEqualTo("video4linux2");
            assertThat(grabber.getOptions()).isEqualTo(Map.of("framerate", "15"));
            assertThat(grabber.getImageMode()).isEqualTo(FrameGrabber.ImageMode.RAW);
        }
        try (FFmpegFrameGrabber grabber = SourceSpec.parse("rtsps://cam/stream", DEFAULTS).newGrabber()) {
            assertThat(grabber.getFormat()).isNull();
            assertThat(grabber.getOptions()).containsEntry("rtsp_transport", "tcp");
        }
    }

    @Test
    void refusesUnsupportedLocations() {
        assertThatThrownBy(() -> SourceSpec.parse("http://media.example/clip.mp4", DEFAULTS))
                .hasMessage("an http(s) frame source must be an HLS playlist (….m3u8), got http://media.example/clip.mp4");
        assertThatThrownBy(() -> SourceSpec.parse("srt://media.example:9000", DEFAULTS))
                .hasMessageStartingWith("unsupported frame source srt://media.example:9000; expected a file path");
        assertThatThrownBy(() -> SourceSpec.parse("  ", DEFAULTS))
                .hasMessageStartingWith("frame source location is empty");
    }

    @Test
    void onlyRecordedMediaLoops() {
        assertThat(SourceSpec.parse("https://cdn.example/vod.m3u8", DEFAULTS.withLoop(true)).kind())
                .isEqualTo(SourceSpec.Kind.HLS);
        assertThatThrownBy(() -> SourceSpec.parse("rtsp://cam/stream", DEFAULTS.withLoop(true)))
                .hasMessage("loop applies to files and HLS playlists, not to RTSP source rtsp://cam/stream");
    }

    @Test
    void refusesMissingFilesAndCamerasWhenOpening() {
        assertThatThrownBy(() -> FrameSources.open("/no/such/video.mp4"))
                .hasMessage("video file /no/such/video.mp4 does not exist");
        assertThatThrownBy(() -> FrameSources.open("camera:97"))
                .hasMessage("no camera at /dev/video97 (camera:97)");
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> DEFAULTS.withSize(640, 0)).hasMessageContaining("both be positive or both 0");
        assertThatThrownBy(() -> DEFAULTS.withMaxFps(-1)).hasMessageContaining("maxFps");
        assertThatThrownBy(() -> DEFAULTS.withIoTimeout(Duration.ZERO)).hasMessageContaining("ioTimeout");
    }
}
