package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.WebSocketException;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a consumer route receives: results with their headers, structured output, failures, events and errors. */
class ConsumerResultsTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(new ScriptedBackend()));

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    ConsumerResultsTest() {
        super(EMULATOR.emulator());
    }

    @BeforeEach
    void feed() {
        emulator.scripted().clear();
        injector.start();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:plain?intervalSeconds=0.2&prompt=Count the people").routeId("plain")
                        .to("mock:plain");
                from("overshoot:json?intervalSeconds=0.2").routeId("json").autoStartup(false)
                        .convertBodyTo(JsonNode.class).to("mock:json");
                from("overshoot:drop?intervalSeconds=0.2&dropFailedResults=true").routeId("drop").autoStartup(false)
                        .to("mock:drop");
                from("overshoot:events?intervalSeconds=0.2&lifecycleEvents=true&recreateOnStreamLoss=false"
                        + "&exceptionHandler=#recorder")
                        .routeId("events").autoStartup(false)
                        .to("mock:events");
            }
        };
    }

    @Test
    void eachResultBecomesAnExchangeWithTheModelsTextAndItsHeaders() throws Exception {
        String streamId = connectedStream();
        MockEndpoint mock = getMockEndpoint("mock:plain");
        mock.expectedBodiesReceived("two people", "three people");
        emulator.scripted().enqueue("two people").enqueue("three people");

        mock.assertIsSatisfied(WAIT.toMillis());
        Message first = mock.getExchanges().get(0).getMessage();
        assertThat(first.getHeader(OvershootConstants.STREAM_ID)).isEqualTo(streamId);
        assertThat(first.getHeader(OvershootConstants.RESULT_ID, String.class)).startsWith("res_");
        assertThat(first.getHeader(OvershootConstants.MODE)).isEqualTo("frame");
        assertThat(first.getHeader(OvershootConstants.MODEL)).isEqualTo(MODEL);
        assertThat(first.getHeader(OvershootConstants.PROMPT)).isEqualTo("Count the people");
        assertThat(first.getHeader(OvershootConstants.OK)).isEqualTo(true);
        assertThat(first.getHeader(OvershootConstants.ERROR)).isNull();
        assertThat(first.getHeader(OvershootConstants.FINISH_REASON)).isEqualTo("stop");
        assertThat(first.getHeader(OvershootConstants.INFERENCE_LATENCY, Double.class)).isGreaterThanOrEqualTo(0);
        assertThat(first.getHeader(OvershootConstants.TOTAL_LATENCY, Double.class)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void failedResultsArriveWithTheirError() throws Exception {
        connectedStream();
        MockEndpoint mock = getMockEndpoint("mock:plain");
        mock.expectedMessageCount(1);
        emulator.scripted().enqueue(InferenceOutput.failure("model overloaded"));

        mock.assertIsSatisfied(WAIT.toMillis());
        Message failed = mock.getExchanges().get(0).getMessage();
        assertThat(failed.getHeader(OvershootConstants.OK)).isEqualTo(false);
        assertThat(failed.getHeader(OvershootConstants.ERROR)).isEqualTo("model overloaded");
        assertThat(failed.getBody(String.class)).isEmpty();
    }

    @Test
    void dropFailedResultsSkipsThem() throws Exception {
        context.getRouteController().stopRoute("plain");
        context.getRouteController().startRoute("drop");
        connectedStream();
        MockEndpoint mock = getMockEndpoint("mock:drop");
        mock.expectedBodiesReceived("after the failure");
        emulator.scripted().enqueue(InferenceOutput.failure("model overloaded")).enqueue("after the failure");

        mock.assertIsSatisfied(WAIT.toMillis());
        assertThat(consumer("drop").getDroppedCount()).isEqualTo(1);
    }

    @Test
    void jsonResultsConvertToJsonNodeAndMap() throws Exception {
        context.getRouteController().stopRoute("plain");
        context.getRouteController().startRoute("json");
        connectedStream();
        MockEndpoint mock = getMockEndpoint("mock:json");
        mock.expectedMessageCount(1);
        emulator.scripted().enqueue("{\"people\":2,\"labels\":[\"adult\",\"child\"]}");

        mock.assertIsSatisfied(WAIT.toMillis());
        Exchange exchange = mock.getExchanges().get(0);
        assertThat(exchange.getMessage().getBody(JsonNode.class).path("people").asInt()).isEqualTo(2);
        Map<?, ?> asMap = context.getTypeConverter().mandatoryConvertTo(Map.class, exchange,
                "{\"people\":2,\"labels\":[\"adult\",\"child\"]}");
        assertThat(asMap.get("people")).isEqualTo(2);
        assertThat(asMap.get("labels")).isEqualTo(List.of("adult", "child"));
    }

    @Test
    void lifecycleEventsBecomeExchangesAndErrorsGoToTheExceptionHandler() throws Exception {
        context.getRouteController().stopRoute("plain");
        context.getRouteController().startRoute("events");
        String streamId = connectedStream();
        MockEndpoint mock = getMockEndpoint("mock:events");
        await().atMost(WAIT).until(() -> eventTypes(mock).containsAll(List.of("CREATED", "CONNECTED")));

        emulator.faults().dropResultSockets(streamId);
        await().atMost(WAIT).until(() -> eventTypes(mock).containsAll(List.of("RECONNECTING", "RECOVERED")));
        emulator.faults().endStream(streamId, "lease_expired");
        await().atMost(WAIT).until(() -> eventTypes(mock).contains("ENDED"));

        Message ended = mock.getExchanges().get(mock.getExchanges().size() - 1).getMessage();
        assertThat(ended.getHeader(OvershootConstants.EVENT_REASON)).isEqualTo("lease_expired");
        assertThat(ended.getHeader(OvershootConstants.STREAM_ID)).isEqualTo(streamId);
        assertThat(ended.getBody()).isNull();
        assertThat(handled).singleElement().isInstanceOf(WebSocketException.class)
                .extracting(Throwable::getMessage).asString().contains("lease_expired");
    }

    private OvershootConsumer consumer(String routeId) {
        return (OvershootConsumer) context.getRoute(routeId).getConsumer();
    }

    private static List<Object> eventTypes(MockEndpoint mock) {
        return mock.getExchanges().stream().map(e -> e.getMessage().getHeader(OvershootConstants.EVENT_TYPE)).toList();
    }
}
