package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.Json;
import dev.camelovershoot.client.v1.Model;
import dev.camelovershoot.client.v1.StreamInfo;
import dev.camelovershoot.client.v1.ViewerToken;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.v1.V1Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same overshoot: routes on v1, against the emulator's v1beta API over real HTTP and WebRTC: a route publishes
 * coloured frames into the v1 stream through its LiveKit room, a consumer of the same name runs the watch loop and
 * routes the answers, and a producer asks questions, fetches the viewer token and the stream's info.
 */
class V1RoutesTest extends CamelTestSupport {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });
    private static final String MODEL = V1Settings.DEFAULT_MODELS.get(0).model();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"color\":{\"type\":\"string\"}}}";

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private volatile String colour = "red";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return pointAtV1(super.createCamelContext(), emulator);
    }

    /** Sets the overshoot component's defaults to the emulator's v1beta API, asking for the colour every 0.3 s. */
    static CamelContext pointAtV1(CamelContext context, OvershootEmulator emulator) {
        OvershootConfiguration defaults = context.getComponent("overshoot", OvershootComponent.class).getConfiguration();
        defaults.setApiUrl(emulator.v1BaseUrl());
        defaults.setApiKey(emulator.apiKey());
        defaults.setModel(MODEL);
        defaults.setPrompt("What colour is the scene?");
        defaults.setIntervalSeconds(0.3);
        defaults.setReconnectDelay(100);
        defaults.setReconnectMaxDelay(400);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:camera?period=100").routeId("camera")
                        .process(exchange -> exchange.getMessage().setBody(TestImages.solid(160, 120, colour)))
                        .to("overshoot:dock");
                from("overshoot:dock").routeId("watch").to("mock:answers");
                from("direct:ask").routeId("ask").to("overshoot:dock?operation=ask&windowMaxFps=10");
                from("direct:askSchema").to("overshoot:dock?operation=ask&outputSchema=" + SCHEMA);
                from("direct:info").to("overshoot:dock?operation=streamInfo");
                from("direct:viewer").to("overshoot:dock?operation=viewerToken");
                from("direct:models").to("overshoot:dock?operation=listModels");
            }
        };
    }

    @Test
    void aConsumerWatchesTheColoursAPublishingRouteSends() throws Exception {
        MockEndpoint answers = getMockEndpoint("mock:answers");
        await().atMost(WAIT).until(() -> lastColour(answers).equals("red"));
        colour = "blue";
        await().atMost(WAIT).until(() -> lastColour(answers).equals("blue"));

        Map<String, Object> headers = last(answers).getMessage().getHeaders();
        String streamId = (String) headers.get(OvershootConstants.STREAM_ID);
        assertThat(emulator.v1().status(streamId).path("state").asText()).isEqualTo("active");
        assertThat(headers).containsEntry(OvershootConstants.PROMPT, "What colour is the scene?")
                .containsEntry(OvershootConstants.MODEL, MODEL)
                .containsEntry(OvershootConstants.OK, true)
                .containsEntry(OvershootConstants.FINISH_REASON, "stop")
                .containsEntry(OvershootConstants.MODE, "frame")
                .containsEntry(OvershootConstants.REFERENCE, "ovs://streams/" + streamId + "?frame_index=-1");
        assertThat((String) headers.get(OvershootConstants.RESULT_ID)).isNotBlank();
        assertThat((Integer) headers.get(OvershootConstants.PROMPT_TOKENS)).isPositive();
        assertThat((Integer) headers.get(OvershootConstants.TOTAL_TOKENS))
                .isEqualTo((Integer) headers.get(OvershootConstants.PROMPT_TOKENS)
                        + (Integer) headers.get(OvershootConstants.COMPLETION_TOKENS));
        assertThat((Double) headers.get(OvershootConstants.TOTAL_LATENCY)).isPositive();
        assertThat(consumerHealth().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void askAboutTheNewestFrameAWindowAndAnExplicitReference() throws Exception {
        String streamId = streamOfTheWatch();
        await().atMost(WAIT).until(() -> colourOf(ask("What colour is it?", Map.of())).equals("red"));
        colour = "green";
        await().atMost(WAIT).until(() -> colourOf(ask("What colour is it?", Map.of())).equals("green"));

        Exchange window = ask("What did the camera show?", Map.of(OvershootConstants.WINDOW_SECONDS, 30.0));
        assertThat(Json.tree(window.getMessage().getBody(String.class)).path("colors"))
                .extracting(JsonNode::asText).containsSubsequence("red", "green");
        assertThat(window.getMessage().getHeader(OvershootConstants.MODE)).isEqualTo("clip");
        assertThat(window.getMessage().getHeader(OvershootConstants.REFERENCE, String.class))
                .startsWith("ovs://streams/" + streamId + "?start_offset_ms=-30000");

        Exchange first = ask("And the first frame?", Map.of(OvershootConstants.REFERENCE, "frame_index=0"));
        assertThat(colourOf(first)).isEqualTo("red");
        Exchange explicit = ask("And now?", Map.of(OvershootConstants.REFERENCE,
                "ovs://streams/" + streamId + "?frame_index=-1"));
        assertThat(colourOf(explicit)).isEqualTo("green");
        assertThat(explicit.getMessage().getHeaders()).containsEntry(OvershootConstants.STREAM_ID, streamId)
                .containsEntry(OvershootConstants.MODEL, MODEL).containsEntry(OvershootConstants.FINISH_REASON, "stop")
                .containsKeys(OvershootConstants.PROMPT_TOKENS, OvershootConstants.COMPLETION_TOKENS,
                        OvershootConstants.TOTAL_TOKENS, OvershootConstants.RESULT_ID);

        Exchange structured = template.request("direct:askSchema", e -> e.getMessage().setBody("Colour?"));
        assertThat(structured.getException()).isNull();
        assertThat(Json.tree(structured.getMessage().getBody(String.class)).path("color").asText())
                .isEqualTo("green");
    }

    @Test
    void viewerTokenStreamInfoAndModels() {
        String streamId = streamOfTheWatch();
        StreamInfo info = template.requestBody("direct:info", null, StreamInfo.class);
        assertThat(info.id()).isEqualTo(streamId);
        assertThat(info.active()).isTrue();
        ViewerToken viewer = template.requestBody("direct:viewer", null, ViewerToken.class);
        assertThat(viewer.token()).isNotBlank();
        assertThat(viewer.url()).startsWith("ws");
        @SuppressWarnings("unchecked")
        List<Model> models = template.requestBody("direct:models", null, List.class);
        assertThat(models).extracting(Model::id).contains(MODEL);
    }

    @Test
    void aV1OperationMistakeNamesWhatToDo() {
        Exchange empty = template.request("direct:ask", e -> e.getMessage().setBody(""));
        assertThat(empty.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(OvershootConstants.QUESTION);
        Exchange v02 = template.request("direct:ask", e -> {
            e.getMessage().setBody("new prompt");
            e.getMessage().setHeader(OvershootConstants.OPERATION, "updatePrompt");
        });
        assertThat(v02.getException()).hasMessageContaining("v0.2 only");
    }

    @Test
    void theWatchHealsWhenTheServiceReapsItsStream() {
        MockEndpoint answers = getMockEndpoint("mock:answers");
        String first = streamOfTheWatch();
        emulator.v1().reap(first);
        await().atMost(WAIT).until(() -> {
            Object id = last(answers).getMessage().getHeader(OvershootConstants.STREAM_ID);
            return !first.equals(id) && lastColour(answers).equals("red");
        });
        String second = last(answers).getMessage().getHeader(OvershootConstants.STREAM_ID, String.class);
        assertThat(emulator.v1().status(second).path("state").asText()).isEqualTo("active");
        assertThat(emulator.v1().status(first).path("end_reason").asText()).isEqualTo("reaped");
        await().atMost(WAIT).until(() -> consumerHealth().getState() == HealthCheck.State.UP);
    }

    private String streamOfTheWatch() {
        MockEndpoint answers = getMockEndpoint("mock:answers");
        await().atMost(WAIT).until(() -> !lastColour(answers).isEmpty());
        return last(answers).getMessage().getHeader(OvershootConstants.STREAM_ID, String.class);
    }

    private Exchange ask(String question, Map<String, Object> headers) {
        Exchange answer = template.request("direct:ask", e -> {
            e.getMessage().setBody(question);
            e.getMessage().getHeaders().putAll(headers);
        });
        if (answer.getException() != null) {
            throw new AssertionError(answer.getException());
        }
        return answer;
    }

    /** The consumer's own readiness check, which Camel's consumers repository wraps as consumer:watch. */
    private HealthCheck.Result consumerHealth() {
        HealthCheck check = ((HealthCheckAware) context.getRoute("watch").getConsumer()).getHealthCheck();
        return check.call();
    }

    static String colourOf(Exchange exchange) {
        try {
            return Json.tree(exchange.getMessage().getBody(String.class)).path("color").asText();
        } catch (Exception unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private static Exchange last(MockEndpoint endpoint) {
        List<Exchange> exchanges = endpoint.getExchanges();
        return exchanges.get(exchanges.size() - 1);
    }

    private static String lastColour(MockEndpoint answers) {
        if (answers.getReceivedCounter() == 0) {
            return "";
        }
        return colourOf(last(answers));
    }
}
