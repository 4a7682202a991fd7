package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keyed streams on v1: two cameras through one endpoint, each key its own v1 stream with its own watch; the
 * answers carry their key, ask goes to the key's stream, and closeStream with a key ends only that stream.
 */
class V1KeyedStreamsTest extends CamelTestSupport {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final AtomicLong ticks = new AtomicLong();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return V1RoutesTest.pointAtV1(super.createCamelContext(), emulator);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:cameras?period=50").routeId("cameras").process(exchange -> {
                    boolean red = ticks.incrementAndGet() % 2 == 0;
                    exchange.getMessage().setHeader(OvershootConstants.STREAM_KEY, red ? "red-cam" : "blue-cam");
                    exchange.getMessage().setBody(TestImages.solid(160, 120, red ? "red" : "blue"));
                }).to("overshoot:dock?keyed=true");
                from("overshoot:dock").routeId("watch").to("mock:answers");
                from("direct:ask").to("overshoot:dock?operation=ask");
            }
        };
    }

    @Test
    void eachKeyIsWatchedOnItsOwnStreamAndAnswersCarryTheKey() throws Exception {
        await().atMost(WAIT).until(() -> answered("red-cam", "red") && answered("blue-cam", "blue"));
        assertThat(streamOf("red-cam")).isNotEqualTo(streamOf("blue-cam"));

        Exchange asked = template.request("direct:ask", e -> {
            e.getMessage().setBody("What colour is it?");
            e.getMessage().setHeader(OvershootConstants.STREAM_KEY, "blue-cam");
        });
        assertThat(asked.getException()).isNull();
        assertThat(V1RoutesTest.colourOf(asked)).isEqualTo("blue");
        assertThat(asked.getMessage().getHeader(OvershootConstants.STREAM_ID)).isEqualTo(streamOf("blue-cam"));

        context.getRouteController().stopRoute("cameras");
        String red = streamOf("red-cam");
        Exchange closed = template.request("direct:ask", e -> {
            e.getMessage().setHeader(OvershootConstants.OPERATION, OvershootOperation.closeStream);
            e.getMessage().setHeader(OvershootConstants.STREAM_KEY, "red-cam");
        });
        assertThat(closed.getException()).isNull();
        assertThat(emulator.v1().status(red).path("state").asText()).isNotEqualTo("active");
        assertThat(emulator.v1().status(streamOf("blue-cam")).path("state").asText()).isEqualTo("active");
    }

    private boolean answered(String key, String colour) {
        return answers().stream().anyMatch(e -> key.equals(e.getMessage().getHeader(OvershootConstants.STREAM_KEY))
                && colour.equals(V1RoutesTest.colourOf(e)));
    }

    private String streamOf(String key) {
        return answers().stream().filter(e -> key.equals(e.getMessage().getHeader(OvershootConstants.STREAM_KEY)))
                .map(e -> e.getMessage().getHeader(OvershootConstants.STREAM_ID, String.class)).findFirst()
                .orElseThrow();
    }

    private List<Exchange> answers() {
        return List.copyOf(getMockEndpoint("mock:answers").getExchanges());
    }
}
