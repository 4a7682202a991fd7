package dev.camelovershoot.examples.camerartsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelovershoot.component.EmulatorMainRun;
import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.frames.RtspServer;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example as shipped (camel-main, application.properties, the route) against the emulator, reading an RTSP
 * stream that a local RTSP server plays from a generated H.264 video. There is no camera here (see README.md): the
 * camera path is checked only as far as a missing device.
 */
class CameraRtspExampleTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    @TempDir
    Path dir;

    @Test
    void theRtspStreamsColourReachesTheLog() throws Exception {
        Path video = TestVideos.h264Mp4(dir.resolve("green.mp4"), 10, TestVideos.segments(150, "green"));
        try (RtspServer server = RtspServer.serve(Path.of("rtsp-server.py"), video, "camera1",
                Path.of("target", "rtsp-server.log"))) {
            assertThat(EmulatorMainRun.seesResult(CameraRtspExample.main(), EMULATOR.emulator(),
                    Map.of("source", server.url()), "live-video-to-log", "\"color\":\"green\"",
                    Duration.ofSeconds(30))).as("a result naming the stream's colour").isTrue();
        }
    }

    @Test
    void withoutTheCameraTheApplicationDoesNotStart() {
        int absent = IntStream.range(9, 64).filter(n -> !Files.exists(Path.of("/dev/video" + n))).findFirst()
                .orElseThrow();
        Main main = CameraRtspExample.main();
        main.addOverrideProperty("source", "camera:" + absent);
        try {
            assertThatThrownBy(main::start).hasMessageContaining("no camera at /dev/video" + absent);
        } finally {
            main.stop();
        }
    }
}
