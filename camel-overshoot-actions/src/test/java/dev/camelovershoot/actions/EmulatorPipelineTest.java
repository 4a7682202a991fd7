package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.RulesBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real detections from real pixels: coloured frames go into an emulator stream whose {@code rules} backend answers
 * red with "waving", green with "thumbs up" and blue with a "waving" below the minimum confidence. A video made of
 * those segments plays through an {@code overshoot:} consumer ({@code source=} the file) over real WebRTC, and
 * {@code analyzeVideo} turns the results into events. Sampling: one inference every 0.5 s.
 *
 * <p>An event's duration is off by the difference of the sampling delays after its two boundaries, each under one
 * interval. Action segments last a whole number of intervals and a half, so whatever the phase of the inferences,
 * that difference is half an interval, one way or the other, and timing noise of the machine cannot push it past one
 * interval (with whole intervals it would be 0, or a whole interval when a boundary falls on an inference).
 */
@Timeout(60)
// try-with-resources on CamelContext, whose close() declares InterruptedException: the tests let it propagate
@SuppressWarnings("try")
class EmulatorPipelineTest {

    private static final double INTERVAL = 0.5;
    private static final int FPS = 20;
    /** The black lead-in covers joining the LiveKit room, which happens on the first frame (slow on a busy machine). */
    private static final List<Segment> VIDEO = List.of(
            new Segment("black", 3.0), new Segment("red", 2.25), new Segment("black", 1.5),
            new Segment("blue", 0.75), new Segment("green", 1.75), new Segment("black", 2.0));

    private record Segment(String colour, double seconds) {
    }

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(RulesBackend.fromJson(rules())));

    private static JsonNode rules() {
        String answer = "{\"frame_index\":{{frame_index}},\"detected_actions\":[%s]}";
        String rules = """
                {"rules": [
                  {"when": {"color": "red"}, "output": "%s"},
                  {"when": {"color": "green"}, "output": "%s"},
                  {"when": {"color": "blue"}, "output": "%s"}],
                 "default": "%s"}
                """.formatted(
                quoted(answer.formatted(Results.entry("waving", 0.92, true))),
                quoted(answer.formatted(Results.entry("thumbs up", 0.85, true))),
                quoted(answer.formatted(Results.entry("waving", 0.4, true))),
                quoted(answer.formatted("")));
        try {
            return ActionJson.MAPPER.readTree(rules);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String json) {
        return json.replace("\"", "\\\"");
    }

    @Test
    void aGeneratedVideoThroughOvershootBecomesEventsLastingAsLongAsTheSegments(OvershootEmulator emulator,
                                                                               @TempDir Path dir) throws Exception {
        Path video = TestVideos.mp4(dir.resolve("gestures.mp4"), FPS, frames());
        ActionDetector detector = ActionDetector.builder()
                .actions(List.of("waving", "thumbs up"))
                .minConfidence(0.6)
                .mergeGapSeconds(0.8)
                .build();
        ActionStore store;
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            store = EmulatorConnection.analyzer(context, detector, emulator)
                    .option("intervalSeconds", INTERVAL)
                    .idleTimeout(Duration.ofSeconds(4))
                    .timeout(Duration.ofSeconds(45))
                    .analyzeVideo(video);
        }

        List<DetectedAction> events = store.getActions();
        assertThat(events).extracting(DetectedAction::action).containsExactly("waving", "thumbs up");
        assertThat(events.get(0).duration()).isCloseTo(2.25, within(INTERVAL));
        assertThat(events.get(1).duration()).isCloseTo(1.75, within(INTERVAL));
        assertThat(events.get(1).timestamp() - events.get(0).timestamp()).isCloseTo(4.5, within(INTERVAL));
        assertThat(events).extracting(DetectedAction::confidence).containsExactly(0.92, 0.85);
        assertThat(events.get(1).frameNumber()).isGreaterThan(events.get(0).frameNumber());
        assertThat(events.get(0).metadata()).containsKeys("stream_id", "result_id", "inference_latency_ms",
                "total_latency_ms", "detections");
        assertThat(store.summary()).isEqualTo(Map.of("waving", 1, "thumbs up", 1));
    }

    /** The colour of every frame of the video, segment by segment. */
    private static List<String> frames() {
        List<String> frames = new ArrayList<>();
        for (Segment segment : VIDEO) {
            frames.addAll(Collections.nCopies((int) Math.round(segment.seconds() * FPS), segment.colour()));
        }
        return frames;
    }
}
