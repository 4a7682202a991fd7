package dev.camelovershoot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end against the embedded emulator: real pixels of the sample video become the demo's files. */
@Timeout(90)
class DemoMainTest {

    @Test
    void theDemoWritesItsFilesWithTheEventsOfTheSampleVideo(@TempDir Path folder) throws Exception {
        assertTheStoryIsTold(new Demo(DemoSettings.embedded(false), DemoMain.LIMIT).run(folder), folder);
    }

    /** The same story on v1: the watch loop asks about the newest frame of the v1 stream the video is published into. */
    @Test
    void theSameStoryOnV1(@TempDir Path folder) throws Exception {
        assertTheStoryIsTold(new Demo(DemoSettings.embedded(true), DemoMain.LIMIT).run(folder), folder);
    }

    private static void assertTheStoryIsTold(Demo.Outcome outcome, Path folder) throws Exception {
        assertThat(outcome.endedInTime()).isTrue();
        assertThat(folder.resolve("sample.mp4")).isNotEmptyFile();
        assertThat(folder.resolve("actions.csv")).isNotEmptyFile();
        JsonNode json = new ObjectMapper().readTree(folder.resolve("actions.json").toFile());
        List<String> actions = new ArrayList<>();
        json.forEach(event -> actions.add(event.path("action").asText()));
        assertThat(actions).containsExactly("waving", "thumbs up");
        assertThat(outcome.store().summary()).isEqualTo(Map.of("waving", 1, "thumbs up", 1));
        BufferedImage timeline = ImageIO.read(folder.resolve("timeline.png").toFile());
        assertThat(timeline).isNotNull();
        assertThat(timeline.getWidth()).isGreaterThan(0);
    }

    @Test
    void anApiKeyWithoutAModelIsRefusedWithAClearMessage() {
        assertThatThrownBy(
                        () -> DemoSettings.fromEnvironment(Map.of("OVERSHOOT_API_KEY", "ovs_x"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OVERSHOOT_MODEL");
        assertThat(DemoSettings.fromEnvironment(Map.of(), false).isEmbedded()).isTrue();
        assertThat(DemoSettings.fromEnvironment(Map.of("OVERSHOOT_API_KEY", "k", "OVERSHOOT_MODEL", "m"), false)
                .apiUrl()).isEqualTo(DemoSettings.DEFAULT_API_URL);
        assertThat(DemoSettings.fromEnvironment(Map.of("OVERSHOOT_API_KEY", "k", "OVERSHOOT_MODEL", "m",
                DemoSettings.API_VERSION, "v1"), false).apiUrl()).isEqualTo(DemoSettings.DEFAULT_V1_API_URL);
        assertThat(DemoSettings.fromEnvironment(Map.of(), true).v1()).isTrue();
        assertThatThrownBy(() -> DemoSettings.fromEnvironment(Map.of(DemoSettings.API_VERSION, "v3"), false))
                .hasMessageContaining("use v0.2 or v1");
    }

    @Test
    void limitLeavesRoomForStartUpWithinAMinute() {
        assertThat(DemoMain.LIMIT).isLessThanOrEqualTo(Duration.ofSeconds(50));
    }
}
