package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code analyzeVideo} against a stand-in {@code overshoot:} component playing scripted results. */
@Timeout(30)
// try-with-resources on CamelContext, whose close() declares InterruptedException: the tests let it propagate
@SuppressWarnings("try")
class VideoAnalyzerTest {

    private static final String WAVE = Results.detecting("waving");
    private static final String NOTHING = Results.of();
    private static final Path VIDEO = Path.of("videos/hall way.mp4");

    private final ActionDetector detector = ActionDetector.builder()
            .actions(List.of("waving"))
            .mergeGapSeconds(1.2)
            .build();

    private static DetectedAction wave(double start, long frame, double duration, int detections) {
        return new DetectedAction("waving", start, frame, 0.9, duration,
                Map.of("stream_id", "stream-1", "result_id", "res_" + frame, "detections", detections));
    }

    private static CamelContext started(FakeOvershootComponent overshoot) {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("overshoot", overshoot);
        context.start();
        return context;
    }

    @Test
    void returnsTheStoreWhenResultsStopComing() throws Exception {
        FakeOvershootComponent overshoot = new FakeOvershootComponent(
                List.of(NOTHING, WAVE, WAVE, WAVE, NOTHING, NOTHING, NOTHING, WAVE, WAVE), false);
        try (CamelContext context = started(overshoot)) {
            ActionStore store = new VideoAnalyzer(context, detector)
                    .option("intervalSeconds", 0.5)
                    .option("apiKey", "ovs_%secret&")
                    .idleTimeout(Duration.ofMillis(300))
                    .clock(new SteppingClock())
                    .analyzeVideo(VIDEO);

            assertThat(store.getActions()).containsExactly(wave(0.5, 1, 1.5, 3), wave(3.5, 7, 0.5, 2));
            assertThat(context.getRoutes()).as("the analysis route is removed").isEmpty();
            assertThat(overshoot.names()).singleElement().asString().startsWith("overshoot-actions-analyze-");
            assertThat(overshoot.options(overshoot.names().iterator().next())).isEqualTo(Map.of(
                    "source", VIDEO.toAbsolutePath().toString(), "loop", "false",
                    "prompt", detector.prompt(), "outputSchema", detector.outputSchemaJson(),
                    "intervalSeconds", "0.5", "apiKey", "ovs_%secret&"));
        }
    }

    @Test
    void returnsWhenTheStreamStopsItsRoute() throws Exception {
        FakeOvershootComponent overshoot = new FakeOvershootComponent(List.of(WAVE, WAVE), true);
        try (CamelContext context = started(overshoot)) {
            ActionStore store = detector.analyzeVideo(context, VIDEO);

            assertThat(store.getActions()).extracting(DetectedAction::action).containsExactly("waving");
        }
    }

    @Test
    void givesUpAfterTheTimeoutWithoutResults() throws Exception {
        try (CamelContext context = started(new FakeOvershootComponent(List.of(), false))) {
            VideoAnalyzer analyzer = new VideoAnalyzer(context, detector).timeout(Duration.ofMillis(300));

            assertThatThrownBy(() -> analyzer.analyzeVideo(VIDEO)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not end within PT0.3S");
            assertThat(context.getRoutes()).isEmpty();
        }
    }
}
