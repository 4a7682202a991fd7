package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.testinfra.frames.TestImages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/** Reads the meters of one stream name, as a dashboard would; what MetricsTest and V1MetricsTest check. */
final class StreamMeters {

    private final MeterRegistry meters;
    private final String streamName;

    StreamMeters(MeterRegistry meters, String streamName) {
        this.meters = meters;
        this.streamName = streamName;
    }

    /**
     * A camera route publishing green frames every {@code periodMillis} to {@code producerUri} (of stream "metered"),
     * direct:frames for bad bodies, and the stream's consumer into mock:results.
     */
    static RouteBuilder routes(int periodMillis, String producerUri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:camera?period=" + periodMillis).setBody(exchange -> TestImages.solid(160, 120, "green"))
                        .to(producerUri);
                from("direct:frames").to("overshoot:metered");
                from("overshoot:metered").to("mock:results");
            }
        };
    }

    /** Sends a body that is not a frame, which must fail its exchange. */
    static void sendBadBody(ProducerTemplate template) {
        Exchange bad = template.request("direct:frames", e -> e.getMessage().setBody(new byte[10]));
        assertThat(bad.getException()).hasMessageContaining("expected JPEG or PNG bytes");
    }

    double counter(String name, String... tags) {
        return meters.get("camel.overshoot." + name).tag("streamName", streamName).tags(tags).counter().count();
    }

    double gauge(String name, String... tags) {
        return meters.get("camel.overshoot." + name).tag("streamName", streamName).tags(tags).gauge().value();
    }

    double openStreams(String camelContext) {
        return meters.get("camel.overshoot.streams.open").tag("camelContext", camelContext).gauge().value();
    }

    /**
     * After one bad body and a producer above the publish rate from before the video connected: every frame received
     * was published or dropped, by the right reason.
     */
    void assertFramesCounted() {
        assertThat(counter("frames.dropped", "reason", "bad_body")).isEqualTo(1);
        assertThat(counter("frames.dropped", "reason", "not_connected")).isGreaterThanOrEqualTo(1);
        assertThat(counter("frames.dropped", "reason", "rate_cap")).isGreaterThanOrEqualTo(1);
        assertThat(counter("frames.published")).isGreaterThanOrEqualTo(1);
        assertThat(counter("frames.received")).isGreaterThanOrEqualTo(counter("frames.published")
                + counter("frames.dropped", "reason", "rate_cap") + 1);
    }

    /** At least {@code atLeast} results, each with its latency. */
    void assertResultsTimed(long atLeast) {
        Timer latency = meters.get("camel.overshoot.result.latency").tag("streamName", streamName).timer();
        assertThat(latency.count()).isEqualTo((long) counter("results")).isGreaterThanOrEqualTo(atLeast);
        assertThat(latency.mean(TimeUnit.MILLISECONDS)).isPositive();
    }
}
