package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A v1 stream records the meters a v0.2 stream does, where they apply: frames received, published and dropped by
 * reason, the watch's answers and their latency, a failed creation of the stream that replaces the one the service
 * reaped, its LiveKit resume, its state and the open streams.
 */
class V1MetricsTest extends CamelTestSupport {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamMeters metered = new StreamMeters(meters, "metered");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return V1RoutesTest.pointAtV1(super.createCamelContext(), emulator);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("meters", meters);
        return StreamMeters.routes(50, "overshoot:metered?maxPublishFps=5");
    }

    @Test
    void countsWhatTheStreamDoes() {
        MockEndpoint answers = getMockEndpoint("mock:results");
        await().atMost(WAIT).until(() -> answers.getReceivedCounter() >= 2);
        StreamMeters.sendBadBody(template);
        String first = answers.getExchanges().get(0).getMessage().getHeader(OvershootConstants.STREAM_ID, String.class);
        emulator.v1().failNextCreates(5, 503); // the client retries 4 times itself, then the session
        emulator.v1().reap(first);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(metered.counter("reconnects", "layer", "stream")).isGreaterThanOrEqualTo(1);
            assertThat(metered.gauge("stream.state", "state", "connected")).isEqualTo(1);
        });
        await().atMost(WAIT).until(() -> !first.equals(streamOfLastAnswer(answers)));
        String second = streamOfLastAnswer(answers);
        assertThat(emulator.liveKitRooms().orElseThrow().dropSignal(second)).isEqualTo(1);
        await().atMost(WAIT).until(() -> metered.counter("reconnects", "layer", "livekit_resume") >= 1);
        double published = metered.counter("frames.published");
        await().atMost(WAIT).until(() -> metered.counter("frames.published") > published);
        metered.assertFramesCounted();
        metered.assertResultsTimed(2);
        assertThat(metered.openStreams(context.getName())).isEqualTo(1);
    }

    private static String streamOfLastAnswer(MockEndpoint answers) {
        return answers.getExchanges().get(answers.getExchanges().size() - 1).getMessage()
                .getHeader(OvershootConstants.STREAM_ID, String.class);
    }
}
