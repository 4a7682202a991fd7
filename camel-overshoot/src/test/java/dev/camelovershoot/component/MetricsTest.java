package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
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

    MetricsTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("meters", meters);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:camera?period=100").setBody(exchange -> TestImages.solid(160, 120, "green"))
                        .to("overshoot:metered?intervalSeconds=0.5&maxPublishFps=2");
                from("direct:frames").to("overshoot:metered");
                from("overshoot:metered").to("mock:results");
            }
        };
    }

    @Test
    void countsWhatTheStreamDoes() {
        MockEndpoint results = getMockEndpoint("mock:results");
        await().atMost(WAIT).until(() -> results.getReceivedCounter() >= 2);
        Exchange bad = template.request("direct:frames", e -> e.getMessage().setBody(new byte[10]));
        assertThat(bad.getException()).hasMessageContaining("expected JPEG or PNG bytes");
        String id = connectedStream();
        emulator.faults().dropResultSockets(id);
        emulator.faults().failNextKeepalives(1, 503);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(counter("reconnects", "layer", "results")).isGreaterThanOrEqualTo(1);
            assertThat(counter("keepalive.failures")).isGreaterThanOrEqualTo(1);
            assertThat(gauge("stream.state", "state", "connected")).isEqualTo(1);
        });
        assertThat(counter("frames.dropped", "reason", "bad_body")).isEqualTo(1);
        assertThat(counter("frames.dropped", "reason", "not_connected")).isGreaterThanOrEqualTo(1);
        assertThat(counter("frames.dropped", "reason", "rate_cap")).isGreaterThanOrEqualTo(1);
        assertThat(counter("frames.published")).isGreaterThanOrEqualTo(1);
        assertThat(counter("frames.received")).isGreaterThanOrEqualTo(counter("frames.published")
                + counter("frames.dropped", "reason", "rate_cap") + 1);
        Timer latency = meters.get("camel.overshoot.result.latency").tag("streamName", "metered").timer();
        assertThat(latency.count()).isEqualTo((long) counter("results")).isGreaterThanOrEqualTo(2);
        assertThat(latency.mean(TimeUnit.MILLISECONDS)).isPositive();
        assertThat(gauge("stream.state", "state", "reconnecting")).isZero();
        assertThat(meters.get("camel.overshoot.streams.open").tag("camelContext", context.getName()).gauge().value())
                .isEqualTo(1);
        assertThat(counter("reconnects", "layer", "stream")).isZero();
    }

    @Test
    void countsLiveKitResumesAndRejoinsByLayer() {
        String id = connectedStream();
        await().atMost(WAIT).until(() -> counter("frames.published") >= 1);
        var rooms = emulator.liveKitRooms().orElseThrow();

        assertThat(rooms.dropSignal(id)).isEqualTo(1);
        await().atMost(WAIT).until(() -> counter("reconnects", "layer", "livekit_resume") >= 1);
        assertThat(rooms.requestReconnect(id)).isEqualTo(1);
        await().atMost(WAIT).until(() -> counter("reconnects", "layer", "livekit_rejoin") >= 1);

        double published = counter("frames.published");
        await().atMost(WAIT).until(() -> counter("frames.published") > published);
        assertThat(counter("reconnects", "layer", "webrtc")).isZero();
        assertThat(counter("reconnects", "layer", "stream")).isZero();
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.get("camel.overshoot." + name).tag("streamName", "metered").tags(tags).counter();
        return counter.count();
    }

    private double gauge(String name, String... tags) {
        Gauge gauge = meters.get("camel.overshoot." + name).tag("streamName", "metered").tags(tags).gauge();
        return gauge.value();
    }
}
