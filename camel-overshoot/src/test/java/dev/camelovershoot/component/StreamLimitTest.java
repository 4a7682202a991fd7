package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service allows a few streams per API key (v0.2: 5) and answers 429 stream_limit_exceeded past it: a keyed
 * stream created past the limit is retried with the reconnect backoff, never given up, and opens once a slot frees.
 */
class StreamLimitTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b.streamLimitPerKey(2));

    StreamLimitTest() {
        super(EMULATOR.emulator());
    }

    @BeforeEach
    void feed() {
        injector.start();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:frames").routeId("producer").to("overshoot:cameras?keyed=true&intervalSeconds=0.2");
                from("overshoot:cameras").routeId("consumer").to("mock:results");
            }
        };
    }

    @Test
    void aKeyPastTheServicesLimitIsRetriedUntilASlotFrees() throws Exception {
        frame("cam-1");
        frame("cam-2");
        await().atMost(WAIT).until(() -> resultsOf("cam-1") && resultsOf("cam-2"));

        assertThat(frame("cam-3").getException()).isNull();

        await().atMost(WAIT).until(() -> rejectedCreates() >= 2);
        HealthCheck.Result health = consumerHealth();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getDetails()).containsEntry("keyed.streams.down.keys", "cam-3")
                .containsEntry("keyed.streams.open", 3);
        assertThat(health.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("1 of 3 keyed streams are not connected: cam-3: not connected, trying again")
                .contains("stream_limit_exceeded"));

        template.send("direct:frames", e -> {
            e.getMessage().setHeader(OvershootConstants.OPERATION, OvershootOperation.closeStream);
            e.getMessage().setHeader(OvershootConstants.STREAM_KEY, "cam-1");
        });

        await().atMost(WAIT).until(() -> resultsOf("cam-3"));
        await().atMost(WAIT).until(() -> consumerHealth().getState() == HealthCheck.State.UP);
    }

    private Exchange frame(String key) {
        return template.send("direct:frames", e -> {
            e.getMessage().setBody(TestImages.solid(64, 48, "red"));
            e.getMessage().setHeader(OvershootConstants.STREAM_KEY, key);
        });
    }

    private long rejectedCreates() {
        return emulator.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/streams") && r.status() == 429).count();
    }

    private boolean resultsOf(String key) {
        return getMockEndpoint("mock:results").getExchanges().stream()
                .anyMatch(e -> key.equals(e.getMessage().getHeader(OvershootConstants.STREAM_KEY)));
    }

    private HealthCheck.Result consumerHealth() {
        return ((HealthCheckAware) context.getRoute("consumer").getConsumer()).getHealthCheck().call();
    }
}
