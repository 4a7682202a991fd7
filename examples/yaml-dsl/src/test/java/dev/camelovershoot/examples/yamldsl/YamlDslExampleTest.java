package dev.camelovershoot.examples.yamldsl;

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

/** The example as shipped (camel-main, application.properties, routes/video.yaml) against the emulator. */
class YamlDslExampleTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    @TempDir
    Path dir;

    @Test
    void theVideosColourReachesTheLog() throws Exception {
        Path video = TestVideos.mp4(dir.resolve("red.mp4"), 10, TestVideos.segments(50, "red"));
        Main main = new Main();
        // The component's test-jar (for TestVideos) has YAML routes of its own under routes/.
        main.addOverrideProperty("camel.main.routes-exclude-pattern", "**/overshoot-*.yaml");
        assertThat(EmulatorMainRun.seesResult(main, EMULATOR.emulator(), video, "video-to-log",
                "\"color\":\"red\"", Duration.ofSeconds(20))).as("a result naming the video's colour").isTrue();
    }

    @Test
    void theKameletRouteDoesTheSame() throws Exception {
        Path video = TestVideos.mp4(dir.resolve("blue.mp4"), 10, TestVideos.segments(50, "blue"));
        Main main = new Main();
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:kamelet-routes/*.yaml");
        assertThat(EmulatorMainRun.seesResult(main, EMULATOR.emulator(), video, "video-to-log-kamelet",
                "\"color\":\"blue\"", Duration.ofSeconds(20))).as("a result naming the video's colour").isTrue();
    }
}
