package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.component.OvershootComponent;
import dev.camelovershoot.component.OvershootConfiguration;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.inference.RulesBackend;
import dev.camelovershoot.testinfra.v1.V1Settings;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The actions detector on v1, by changing only the URL: a route publishes coloured frames over real WebRTC into a v1
 * stream of the emulator, whose {@code rules} backend answers red with "waving" and green with "thumbs up"; the
 * {@code overshoot:} consumer's watch loop asks about the newest frame and its answers go straight into
 * {@code overshoot-actions:}, which emits one event per gesture with the result headers as metadata.
 */
class V1DetectorTest extends CamelTestSupport {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(RulesBackend.fromJson(rules())));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private volatile String colour = "black";

    private static JsonNode rules() {
        String rules = """
                {"rules": [
                  {"when": {"color": "red"}, "output": {"detected_actions": [%s]}},
                  {"when": {"color": "green"}, "output": {"detected_actions": [%s]}}],
                 "default": {"detected_actions": []}}
                """.formatted(Results.entry("waving", 0.92, true), Results.entry("thumbs up", 0.85, true));
        try {
            return ActionJson.MAPPER.readTree(rules);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OvershootConfiguration defaults = context.getComponent("overshoot", OvershootComponent.class)
                .getConfiguration();
        defaults.setApiUrl(EMULATOR.emulator().v1BaseUrl());
        defaults.setApiKey(EMULATOR.emulator().apiKey());
        defaults.setModel(V1Settings.DEFAULT_MODELS.get(0).model());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:camera?period=100")
                        .process(exchange -> exchange.getMessage().setBody(TestImages.solid(160, 120, colour)))
                        .to("overshoot:gestures");
                from("overshoot:gestures?intervalSeconds=0.3")
                        .to("mock:answers")
                        .to("overshoot-actions:gestures?actions=waving,thumbs up&minConfidence=0.6"
                                + "&mergeGapSeconds=0.8");
                from("overshoot-actions:gestures").to("mock:events");
            }
        };
    }

    @Test
    void gesturesInAV1StreamBecomeEvents() {
        MockEndpoint answers = getMockEndpoint("mock:answers");
        MockEndpoint events = getMockEndpoint("mock:events");
        await().atMost(WAIT).until(() -> answers.getReceivedCounter() > 0);

        colour = "red";
        await().atMost(WAIT).until(() -> lastAnswer(answers).contains("waving"));
        colour = "black";
        await().atMost(WAIT).until(() -> events.getReceivedCounter() == 1);
        colour = "green";
        await().atMost(WAIT).until(() -> lastAnswer(answers).contains("thumbs up"));
        colour = "black";
        await().atMost(WAIT).until(() -> events.getReceivedCounter() == 2);

        List<DetectedAction> detected = events.getExchanges().stream()
                .map(e -> e.getMessage().getBody(DetectedAction.class)).toList();
        assertThat(detected).extracting(DetectedAction::action).containsExactly("waving", "thumbs up");
        assertThat(detected).extracting(DetectedAction::confidence).containsExactly(0.92, 0.85);
        assertThat(detected.get(0).metadata()).containsKeys("stream_id", "result_id", "inference_latency_ms",
                "total_latency_ms", "detections");
    }

    private static String lastAnswer(MockEndpoint answers) {
        List<Exchange> exchanges = answers.getExchanges();
        return exchanges.isEmpty() ? "" : exchanges.get(exchanges.size() - 1).getMessage().getBody(String.class);
    }
}
