package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.actions.ColourTimeline.Segment;
import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.client.StreamSession;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.InferenceResult;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.inference.RulesBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real detections from real pixels: coloured frames go into an emulator stream whose {@code rules} backend answers
 * red with "waving", green with "thumbs up" and blue with a "waving" below the minimum confidence; the Java client
 * hands each result to a Camel route as the {@code overshoot:} consumer will (body = result text, result headers),
 * and {@code overshoot-actions:} turns them into events. Sampling: one inference every 0.5 s.
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
    private static final String MODEL = OvershootEmulator.DEFAULT_MODELS.get(0).model();
    private static final List<Segment> VIDEO = List.of(
            new Segment("black", 0.5), new Segment("red", 2.25), new Segment("black", 1.5),
            new Segment("blue", 0.75), new Segment("green", 1.75), new Segment("black", 2.0));

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(RulesBackend.fromJson(rules())));

    private final List<DetectedAction> events = Collections.synchronizedList(new ArrayList<>());

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
    void colouredSegmentsBecomeEventsLastingAsLongAsTheSegments(OvershootEmulator emulator) throws Exception {
        ActionDetector detector = ActionDetector.builder()
                .actions(List.of("waving", "thumbs up"))
                .minConfidence(0.6)
                .mergeGapSeconds(0.8)
                .build();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("gestures", detector);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:results").to("overshoot-actions:gestures?detector=#gestures");
                    from("overshoot-actions:gestures").process(e -> events.add(e.getMessage()
                            .getBody(DetectedAction.class)));
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            OvershootClient client = OvershootClient.builder().baseUrl(emulator.baseUrl()).apiKey(emulator.apiKey())
                    .build();
            StreamRequest request = StreamRequest.of(Processing.frame(INTERVAL),
                    Inference.of(detector.prompt(), MODEL).withOutputSchema(detector.outputSchema()));

            try (StreamSession session = StreamSession.builder(client, request)
                    .listener(new ResultsToRoute(template)).start();
                 ColourTimeline video = new ColourTimeline(VIDEO)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> emulator.stream(session.streamId())
                        .map(StreamSnapshot::resultSockets).orElse(0) > 0);
                video.play(emulator, session.streamId());
                assertThat(video.awaitEnd(30, TimeUnit.SECONDS)).isTrue();
                await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
            }
        }

        assertThat(events).extracting(DetectedAction::action).containsExactly("waving", "thumbs up");
        assertThat(events.get(0).duration()).isCloseTo(2.25, within(INTERVAL));
        assertThat(events.get(1).duration()).isCloseTo(1.75, within(INTERVAL));
        assertThat(events.get(1).timestamp() - events.get(0).timestamp()).isCloseTo(4.5, within(INTERVAL));
        assertThat(events).extracting(DetectedAction::confidence).containsExactly(0.92, 0.85);
        assertThat(events.get(1).frameNumber()).isGreaterThan(events.get(0).frameNumber());
        assertThat(events.get(0).metadata()).containsKeys("stream_id", "result_id", "inference_latency_ms",
                "total_latency_ms", "detections");
        assertThat(detector.store().summary()).isEqualTo(Map.of("waving", 1, "thumbs up", 1));
    }

    /** What the overshoot: consumer does with each result: body = result text, result headers. */
    private record ResultsToRoute(ProducerTemplate template) implements StreamListener {
        @Override
        public void onResult(InferenceResult result) {
            template.sendBodyAndHeaders("direct:results", result.result(), Map.of(
                    ResultExchanges.STREAM_ID, result.streamId(),
                    ResultExchanges.RESULT_ID, result.id(),
                    ResultExchanges.OK, result.ok(),
                    ResultExchanges.INFERENCE_LATENCY, result.inferenceLatencyMs(),
                    ResultExchanges.TOTAL_LATENCY, result.totalLatencyMs()));
        }
    }
}
