package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With a MeterRegistry in the Camel registry, a stream counts its frames (published, dropped by reason), results and
 * their latency, retries and keepalive failures, and shows its state; what a user would read off a dashboard.
 */
class MetricsTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b.leaseTtlSeconds(2));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamMeters metered = new StreamMeters(meters, "metered");

    MetricsTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("meters", meters);
        return StreamMeters.routes(100, "overshoot:metered?intervalSeconds=0.5&maxPublishFps=2");
    }

    @Test
    void countsWhatTheStreamDoes() {
        MockEndpoint results = getMockEndpoint("mock:results");
        await().atMost(WAIT).until(() -> results.getReceivedCounter() >= 2);
        StreamMeters.sendBadBody(template);
        String id = connectedStream();
        emulator.faults().dropResultSockets(id);
        emulator.faults().failNextKeepalives(1, 503);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(metered.counter("reconnects", "layer", "results")).isGreaterThanOrEqualTo(1);
            assertThat(metered.counter("keepalive.failures")).isGreaterThanOrEqualTo(1);
            assertThat(metered.gauge("stream.state", "state", "connected")).isEqualTo(1);
        });
        metered.assertFramesCounted();
        metered.assertResultsTimed(2);
        assertThat(metered.gauge("stream.state", "state", "reconnecting")).isZero();
        assertThat(metered.openStreams(context.getName())).isEqualTo(1);
        assertThat(metered.counter("reconnects", "layer", "stream")).isZero();
    }

    @Test
    void countsLiveKitResumesAndRejoinsByLayer() {
        String id = connectedStream();
        await().atMost(WAIT).until(() -> metered.counter("frames.published") >= 1);
        var rooms = emulator.liveKitRooms().orElseThrow();

        assertThat(rooms.dropSignal(id)).isEqualTo(1);
        await().atMost(WAIT).until(() -> metered.counter("reconnects", "layer", "livekit_resume") >= 1);
        assertThat(rooms.requestReconnect(id)).isEqualTo(1);
        await().atMost(WAIT).until(() -> metered.counter("reconnects", "layer", "livekit_rejoin") >= 1);

        double published = metered.counter("frames.published");
        await().atMost(WAIT).until(() -> metered.counter("frames.published") > published);
        assertThat(metered.counter("reconnects", "layer", "webrtc")).isZero();
        assertThat(metered.counter("reconnects", "layer", "stream")).isZero();
    }
}
