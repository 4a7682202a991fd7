package dev.camelovershoot.examples.yamldsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
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
        OvershootEmulator emulator = EMULATOR.emulator();
        Main main = new Main();
        main.addOverrideProperty("camel.component.overshoot.api-url", emulator.baseUrl());
        main.addOverrideProperty("camel.component.overshoot.api-key", emulator.apiKey());
        main.addOverrideProperty("camel.component.overshoot.model", OvershootEmulator.DEFAULT_MODELS.get(0).model());
        main.addOverrideProperty("video", video.toUri().toString());
        // The component's test-jar (for TestVideos) has YAML routes of its own under routes/.
        main.addOverrideProperty("camel.main.routes-exclude-pattern", "**/overshoot-*.yaml");
        NotifyBuilder[] red = new NotifyBuilder[1];
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                red[0] = new NotifyBuilder(configured.getCamelContext()).fromRoute("video-to-log")
                        .whenAnyDoneMatches(e -> e.getMessage().getBody(String.class).contains("\"color\":\"red\""))
                        .create();
            }
        });
        main.start();
        try {
            assertThat(red[0].matches(20, TimeUnit.SECONDS)).as("a result naming the video's colour").isTrue();
        } finally {
            main.stop();
        }
    }
}
