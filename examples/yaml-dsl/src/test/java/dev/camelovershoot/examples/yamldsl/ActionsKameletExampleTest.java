package dev.camelovershoot.examples.yamldsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelovershoot.component.EmulatorMainRun;
import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.RulesBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kamelet-routes/actions-kamelet.yaml as shipped, against an emulator whose model sees someone waving in every red
 * frame: the overshoot-actions-source Kamelet logs the action.
 */
class ActionsKameletExampleTest {

    private static final String RULES = """
            {"rules": [{"when": {"color": "red"},
                        "output": {"detected_actions": [{"action": "waving", "confidence": 0.9, "detected": true},
                                                        {"action": "thumbs up", "confidence": 0.1, "detected": false}]}}],
             "default": {"detected_actions": []}}""";

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(rules()));

    private static RulesBackend rules() {
        try {
            return RulesBackend.fromJson(new ObjectMapper().readTree(RULES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void theWavingInTheVideoReachesTheLog() throws Exception {
        Path video = TestVideos.mp4(dir.resolve("red.mp4"), 10, TestVideos.segments(50, "red"));
        Main main = new Main();
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:kamelet-routes/actions-kamelet.yaml");
        assertThat(EmulatorMainRun.seesResult(main, EMULATOR.emulator(), Map.of("video", video.toUri().toString()),
                "actions-to-log", "action=waving", Duration.ofSeconds(20))).as("a waving action").isTrue();
    }
}
