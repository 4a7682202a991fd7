package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.StreamSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyzeVideo} with the {@code overshoot:} component against the emulator: a generated video plays over
 * WebRTC and the emulator's model answers with scripted results, one per inference, then none (the service goes
 * quiet while the stream runs).
 */
@Timeout(60)
// try-with-resources on CamelContext, whose close() declares InterruptedException: the tests let it propagate
@SuppressWarnings("try")
class VideoAnalyzerTest {

    private static final String WAVE = Results.detecting("waving");
    private static final String NOTHING = Results.of();
    /** Characters a URI mangles: the stream authenticates only if the key is passed on unchanged. */
    private static final String KEY = "ovs_%secret&";
    private static final int FPS = 10;
    private static final double INTERVAL = 0.2;
    /** Well above the interval, so a busy machine does not end an analysis between two results. */
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final ScriptedModel MODEL = new ScriptedModel();

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .apiKeys(KEY)
            .backend(MODEL));

    @TempDir
    static Path dir;
    /** Outlasts any script here: the results stop while the stream still runs. */
    private static Path longVideo;
    /** Ends while the script still has results; long enough for the LiveKit join on a busy machine and a few results. */
    private static Path shortVideo;

    private final ActionDetector detector = ActionDetector.builder()
            .actions(List.of("waving"))
            .mergeGapSeconds(1.2)
            .build();

    @BeforeAll
    static void recordVideos() throws Exception {
        longVideo = TestVideos.mp4(dir.resolve("hall way.mp4"), FPS, TestVideos.segments(30 * FPS, "red"));
        shortVideo = TestVideos.mp4(dir.resolve("short.mp4"), FPS, TestVideos.segments(6 * FPS, "red"));
    }

    @BeforeEach
    void clearScript() {
        MODEL.reset();
    }

    private static void script(String... results) {
        for (String result : results) {
            MODEL.script().enqueue(result);
        }
    }

    private static CamelContext started(CamelContext context) {
        context.start();
        return context;
    }

    @Test
    void returnsTheStoreWhenResultsStopComing(OvershootEmulator emulator) throws Exception {
        script(NOTHING, WAVE, WAVE, WAVE, NOTHING, NOTHING, NOTHING, WAVE, WAVE);
        Set<String> before = EmulatorConnection.streamIds(emulator);
        try (CamelContext context = started(new DefaultCamelContext())) {
            ActionStore store = EmulatorConnection.analyzer(context, detector, emulator)
                    .option("intervalSeconds", INTERVAL)
                    .idleTimeout(IDLE)
                    .clock(new SteppingClock())
                    .analyzeVideo(longVideo);

            StreamSnapshot stream = EmulatorConnection.streamSince(emulator, before);
            assertThat(store.getActions())
                    .extracting(DetectedAction::action, DetectedAction::timestamp, DetectedAction::frameNumber,
                            DetectedAction::confidence, DetectedAction::duration,
                            a -> a.metadata().get("stream_id"), a -> a.metadata().get("detections"))
                    .containsExactly(tuple("waving", 0.5, 1L, 0.9, 1.5, stream.id(), 3),
                            tuple("waving", 3.5, 7L, 0.9, 0.5, stream.id(), 2));
            assertThat(store.getActions()).allSatisfy(action -> assertThat(action.metadata())
                    .containsKeys("inference_latency_ms", "total_latency_ms")
                    .extractingByKey("result_id").asString().startsWith("res_"));
            assertThat(context.getRoutes()).as("the analysis route is removed").isEmpty();
            assertThat(stream.apiKey()).isEqualTo(KEY);
            assertThat(stream.framesReceived()).as("frames of the file with a blank in its name").isPositive();
            assertThat(MODEL.lastAsked().prompt()).isEqualTo(detector.prompt());
            assertThat(MODEL.lastAsked().outputSchema()).isEqualTo(detector.outputSchema());
        }
    }

    @Test
    void returnsWhenTheVideoEnds(OvershootEmulator emulator) throws Exception {
        script(Collections.nCopies(100, WAVE).toArray(String[]::new));
        Set<String> before = EmulatorConnection.streamIds(emulator);
        try (CamelContext context = started(EmulatorConnection.byDefault(new DefaultCamelContext(), emulator))) {
            // results do not go quiet for long enough: only the end of the stream can end the analysis in time
            ActionStore store = new VideoAnalyzer(context, detector)
                    .idleTimeout(Duration.ofMinutes(5))
                    .timeout(Duration.ofSeconds(40))
                    .analyzeVideo(shortVideo);

            // one event, unless a busy machine delayed a result past the merge gap
            assertThat(store.getActions()).extracting(DetectedAction::action).isNotEmpty().containsOnly("waving");
            assertThat(MODEL.script().pending()).as("results stopped with the video, not the script").isPositive();
            assertThat(EmulatorConnection.streamSince(emulator, before).ended()).isTrue();
        }
    }

    @Test
    void givesUpAfterTheTimeoutWithoutResults(OvershootEmulator emulator) throws Exception {
        try (CamelContext context = started(new DefaultCamelContext())) {
            VideoAnalyzer analyzer = EmulatorConnection.analyzer(context, detector, emulator)
                    .timeout(Duration.ofMillis(300));

            assertThatThrownBy(() -> analyzer.analyzeVideo(longVideo)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not end within PT0.3S");
            assertThat(context.getRoutes()).isEmpty();
        }
    }
}
