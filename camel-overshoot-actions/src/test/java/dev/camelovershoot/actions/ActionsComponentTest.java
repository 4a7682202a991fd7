package dev.camelovershoot.actions;

import dev.camelovershoot.component.OvershootConstants;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result exchanges fed from {@code direct:} into {@code overshoot-actions:}, results 0.5 s apart. */
class ActionsComponentTest extends CamelTestSupport {

    private static final String WAVE = Results.detecting("waving");
    private static final String NOTHING = Results.of();

    @TempDir
    static Path dir;

    private final ActionStore store = new ActionStore();
    private final List<Exchange> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected void bindToRegistry(Registry registry) {
        context.getComponent("overshoot-actions", ActionsComponent.class).clock(new SteppingClock());
        registry.bind("store", store);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:results")
                        .to("overshoot-actions:gestures?actions=waving,thumbs up&minConfidence=0.6"
                                + "&mergeGapSeconds=1.2&store=#store"
                                + "&exportJson=" + dir.resolve("stop/actions.json")
                                + "&exportCsv=" + dir.resolve("stop/actions.csv"));
                from("overshoot-actions:gestures").process(events::add);
                from("direct:summary").to("overshoot-actions:gestures?operation=summary");
                from("direct:query").to("overshoot-actions:gestures?operation=query");
                from("direct:flush").to("overshoot-actions:gestures?operation=flush");
                from("direct:clear").to("overshoot-actions:gestures?operation=clear");
                from("direct:export").to("overshoot-actions:gestures?operation=export"
                        + "&exportJson=" + dir.resolve("now/actions.json"));
            }
        };
    }

    private List<DetectedAction> send(String result) {
        return Bodies.actions(template.requestBody("direct:results", result));
    }

    private List<DetectedAction> flush() {
        return Bodies.actions(template.requestBody("direct:flush", (Object) null));
    }

    private static DetectedAction wave(double start, long frame, double duration, int detections) {
        return new DetectedAction("waving", start, frame, 0.9, duration, Map.of("detections", detections));
    }

    @Test
    void aWaveIsOneEventExchangeWhenItEnds() {
        List<List<DetectedAction>> bodies = new ArrayList<>();
        for (String result : List.of(NOTHING, WAVE, WAVE, WAVE, WAVE, WAVE, WAVE, NOTHING, NOTHING, NOTHING)) {
            bodies.add(Bodies.actions(template.requestBodyAndHeader("direct:results", result,
                    OvershootConstants.STREAM_ID, "s-1")));
        }

        DetectedAction expected = new DetectedAction("waving", 0.5, 1, 0.9, 3.0,
                Map.of("stream_id", "s-1", "detections", 6));
        assertThat(bodies.subList(0, 9)).allSatisfy(body -> assertThat(body).isEmpty());
        assertThat(bodies.get(9)).containsExactly(expected);
        assertThat(events).hasSize(1);
        Exchange event = events.get(0);
        assertThat(event.getMessage().getBody()).isEqualTo(expected);
        assertThat(event.getMessage().getHeaders()).containsEntry(ActionsConstants.ACTION, "waving")
                .containsEntry(ActionsConstants.CONFIDENCE, 0.9)
                .containsEntry(ActionsConstants.TIMESTAMP, 0.5)
                .containsEntry(ActionsConstants.DURATION, 3.0)
                .containsEntry(ActionsConstants.FRAME_NUMBER, 1L);
        assertThat(store.getActions()).containsExactly(expected);
    }

    @Test
    void resultHeadersBecomeMetadata() {
        template.sendBodyAndHeaders("direct:results", WAVE, Map.of(
                OvershootConstants.STREAM_ID, "s-9", OvershootConstants.RESULT_ID, "res_1",
                OvershootConstants.INFERENCE_LATENCY, 120.5, OvershootConstants.TOTAL_LATENCY, 240L,
                OvershootConstants.OK, true));

        List<DetectedAction> ended = flush();

        assertThat(ended).singleElement().extracting(DetectedAction::metadata).isEqualTo(Map.of(
                "stream_id", "s-9", "result_id", "res_1", "inference_latency_ms", 120.5, "total_latency_ms", 240,
                "detections", 1));
        assertThat(events).hasSize(1);
    }

    @Test
    void failedResultsDetectNothing() {
        template.sendBodyAndHeader("direct:results", WAVE, OvershootConstants.OK, false);

        assertThat(flush()).isEmpty();
    }

    @Test
    void summaryQueryAndClearOperateOnTheStore() {
        for (String result : List.of(WAVE, NOTHING, NOTHING, NOTHING, Results.detecting("thumbs up"), WAVE)) {
            send(result);
        }
        template.sendBody("direct:flush", null);

        assertThat(Bodies.counts(template.requestBody("direct:summary", (Object) null)))
                .containsExactly(Map.entry("waving", 2), Map.entry("thumbs up", 1));
        assertThat(Bodies.actions(template.requestBodyAndHeaders("direct:query", null, Map.of(
                ActionsConstants.ACTION, "waving", ActionsConstants.START_TIME, 1.0))))
                .containsExactly(wave(2.5, 5, 0.0, 1));
        assertThat(Bodies.actions(template.requestBodyAndHeader("direct:query", null,
                ActionsConstants.LAST_SECONDS, 0.5))).hasSize(2);

        template.sendBody("direct:clear", null);
        assertThat(store.size()).isZero();
    }

    @Test
    void theOperationHeaderOverridesTheEndpoints() {
        send(WAVE);
        template.sendBody("direct:flush", null);

        Object summary = template.requestBodyAndHeader("direct:results", null, ActionsConstants.OPERATION, "summary");

        assertThat(summary).isEqualTo(Map.of("waving", 1));
    }

    @Test
    void exportWritesTheConfiguredFiles() throws Exception {
        send(WAVE);
        template.sendBody("direct:flush", null);

        Object written = template.requestBody("direct:export", (Object) null);

        assertThat(written).isEqualTo(List.of(dir.resolve("now/actions.json")));
        assertThat(ActionStore.readJson(dir.resolve("now/actions.json"))).isEqualTo(store.getActions());
    }

    @Test
    void stoppingEmitsTheOpenEventAndExports() throws Exception {
        send(WAVE);
        send(WAVE);
        assertThat(events).isEmpty();

        context.stop();

        DetectedAction expected = wave(0, 0, 0.5, 2);
        assertThat(events).extracting(e -> e.getMessage().getBody()).containsExactly(expected);
        assertThat(ActionStore.readJson(dir.resolve("stop/actions.json"))).containsExactly(expected);
        assertThat(ActionStore.readCsv(dir.resolve("stop/actions.csv"))).containsExactly(expected);
    }
}
