package dev.camelovershoot.examples.quarkus;

import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts the emulator and points the application at it, with a generated red video as its source. */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    private OvershootEmulator emulator;

    @Override
    public Map<String, String> start() {
        try {
            // Under target/, so the build's clean removes it.
            Path dir = Files.createDirectories(Path.of("target", "test-videos"));
            Path video = TestVideos.mp4(dir.resolve("red.mp4"), 10, TestVideos.segments(50, "red"));
            emulator = OvershootEmulator.builder().build().start();
            return Map.of(
                    "camel.component.overshoot.api-url", emulator.baseUrl(),
                    "camel.component.overshoot.api-key", emulator.apiKey(),
                    "camel.component.overshoot.model", OvershootEmulator.DEFAULT_MODELS.get(0).model(),
                    "video", video.toUri().toString());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the emulator for the quarkus example", e);
        }
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
