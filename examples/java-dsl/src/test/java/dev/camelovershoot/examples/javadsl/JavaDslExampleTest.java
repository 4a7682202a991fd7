package dev.camelovershoot.examples.javadsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.component.EmulatorMainRun;
import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The example as shipped (camel-main, application.properties, the route) against the emulator. */
class JavaDslExampleTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    @TempDir
    Path dir;

    @Test
    void theVideosColourReachesTheLog() throws Exception {
        Path video = TestVideos.mp4(dir.resolve("red.mp4"), 10, TestVideos.segments(50, "red"));
        Main main = JavaDslExample.main();
        assertThat(EmulatorMainRun.seesResult(main, EMULATOR.emulator(), video, "video-to-log",
                "\"color\":\"red\"", Duration.ofSeconds(20))).as("a result naming the video's colour").isTrue();
    }

    @Test
    void theEndpointDslRouteDoesTheSame() throws Exception {
        Path video = TestVideos.mp4(dir.resolve("green.mp4"), 10, TestVideos.segments(50, "green"));
        Main main = JavaDslExample.endpointDslMain();
        assertThat(EmulatorMainRun.seesResult(main, EMULATOR.emulator(), video, "video-to-log-endpoint-dsl",
                "\"color\":\"green\"", Duration.ofSeconds(20))).as("a result naming the video's colour").isTrue();
    }
}
