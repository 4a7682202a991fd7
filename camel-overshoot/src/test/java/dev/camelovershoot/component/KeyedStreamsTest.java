package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.livekit.LiveKitRooms;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One endpoint serving many cameras: frames with header CamelOvershootStreamKey go to their key's own Overshoot stream,
 * opened on the key's first frame and closed when idle, on closeStream with the key or to make room; the consumer of
 * the name receives every key's results with the key.
 */
class KeyedStreamsTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b.streamLimitPerKey(20));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    KeyedStreamsTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        return context;
    }

    @BeforeEach
    void feed() {
        injector.start();
    }

    @Test
    void eachKeyGetsItsOwnStreamAndTheConsumerSeesTheKeyOnItsResults() throws Exception {
        route("overshoot:cameras?keyed=true&intervalSeconds=0.2");
        MockEndpoint results = getMockEndpoint("mock:results");

        for (String key : List.of("cam-1", "cam-2", "cam-3")) {
            frame(key);
        }

        await().atMost(WAIT).until(() -> streamsByKey(results).size() == 3);
        Map<String, String> byKey = streamsByKey(results);
        assertThat(byKey).containsOnlyKeys("cam-1", "cam-2", "cam-3");
        assertThat(Set.copyOf(byKey.values())).hasSize(3);
        assertThat(active()).extracting(StreamSnapshot::id).containsAll(byKey.values());
        OvershootEndpoint endpoint = context.getEndpoint("overshoot:cameras?keyed=true&intervalSeconds=0.2",
                OvershootEndpoint.class);
        assertThat(endpoint.getKeyedStreamsOpen()).isEqualTo(3);
        assertThat(endpoint.getKeyedStreamsOpened()).isEqualTo(3);
        await().atMost(WAIT).until(() -> consumerHealth().getState() == HealthCheck.State.UP);
        assertThat(consumerHealth().getDetails()).containsEntry("keyed.streams.open", 3);
        assertThat(meters.get("camel.overshoot.keyed.streams.open").tag("streamName", "cameras").gauge().value())
                .isEqualTo(3);

        Exchange unkeyed = template.send("direct:frames", e -> e.getMessage().setBody(TestImages.solid(64, 48, "red")));
        assertThat(unkeyed.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyed streams only (keyed=true): set the header CamelOvershootStreamKey");
    }

    @Test
    void aKeyWithoutFramesForStreamIdleTimeoutIsClosedAndItsNextFrameOpensANewStream() throws Exception {
        route("overshoot:cameras?keyed=true&intervalSeconds=0.2&streamIdleTimeout=300");
        frame("cam-1");
        String first = awaitStreamOf("cam-1");

        await().atMost(WAIT).until(() -> snapshot(first).ended());

        assertThat(snapshot(first).endReason()).isEqualTo("client_requested");
        assertThat(closed("idle")).isEqualTo(1);
        getMockEndpoint("mock:results").reset();
        frame("cam-1");
        String second = awaitStreamOf("cam-1");
        assertThat(second).isNotEqualTo(first);
        assertThat(meters.get("camel.overshoot.keyed.streams.opened").tag("streamName", "cameras").counter().count())
                .isEqualTo(2);
    }

    @Test
    void pastMaxStreamsWithPolicyFailTheExchangeFailsNamingTheLimit() throws Exception {
        route("overshoot:cameras?keyed=true&maxStreams=2");
        frame("cam-1");
        frame("cam-2");

        Exchange third = frame("cam-3");

        assertThat(third.getException()).isInstanceOf(MaxStreamsExceededException.class)
                .hasMessage("Overshoot endpoint 'cameras' has 2 keyed streams open, its maxStreams=2: no stream for"
                        + " key 'cam-3' (maxStreamsPolicy=fail; closeLeastRecentlyUsed would close the least recently"
                        + " used)");
        assertThat(frame("cam-1").getException()).isNull();
        await().atMost(WAIT).until(() -> active().size() == 2);
    }

    @Test
    void pastMaxStreamsWithCloseLeastRecentlyUsedTheKeyWithTheOldestFrameMakesRoom() throws Exception {
        route("overshoot:cameras?keyed=true&intervalSeconds=0.2&maxStreams=2"
                + "&maxStreamsPolicy=closeLeastRecentlyUsed");
        frame("cam-1");
        frame("cam-2");
        String second = awaitStreamOf("cam-2");
        String first = awaitStreamOf("cam-1");
        frame("cam-1");

        assertThat(frame("cam-3").getException()).isNull();

        await().atMost(WAIT).until(() -> snapshot(second).ended());
        assertThat(snapshot(first).ended()).isFalse();
        awaitStreamOf("cam-3");
        assertThat(closed("evicted")).isEqualTo(1);
    }

    @Test
    void closeStreamWithAKeyClosesOnlyThatKeysStreamAtOnce() throws Exception {
        route("overshoot:cameras?keyed=true&intervalSeconds=0.2&lifecycleEvents=true");
        frame("cam-1");
        frame("cam-2");
        String one = awaitStreamOf("cam-1");
        String two = awaitStreamOf("cam-2");

        Exchange close = template.send("overshoot:cameras?operation=closeStream",
                e -> e.getMessage().setHeader(OvershootConstants.STREAM_KEY, "cam-1"));

        assertThat(close.getException()).isNull();
        assertThat(snapshot(one).endReason()).isEqualTo("client_requested");
        assertThat(snapshot(two).ended()).isFalse();
        await().atMost(WAIT).until(() -> event("ENDED", "cam-1"));
        Exchange unknown = template.send("overshoot:cameras?operation=closeStream",
                e -> e.getMessage().setHeader(OvershootConstants.STREAM_KEY, "cam-9"));
        assertThat(unknown.getException()).isNull();
        assertThat(closed("requested")).isEqualTo(1);
        frame("cam-1");
        await().atMost(WAIT).until(() -> active().size() == 2);
    }

    @Test
    void aKeysStreamClosedWhileItsRoomIsBeingJoinedClosesAtOnce() throws Exception {
        route("overshoot:cameras?keyed=true&lifecycleEvents=true");
        frame("cam-1");
        await().atMost(WAIT).until(() -> event("CREATED", "cam-1"));
        String room = active().get(0).id();
        LiveKitRooms rooms = emulator.liveKitRooms().orElseThrow();
        frame("cam-1"); // the first frame after the stream was created starts joining its LiveKit room
        await().atMost(WAIT).until(() -> rooms.counters(room).joins() == 1);

        long start = System.nanoTime();
        Exchange close = template.send("overshoot:cameras?operation=closeStream",
                e -> e.getMessage().setHeader(OvershootConstants.STREAM_KEY, "cam-1"));

        assertThat(close.getException()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(active()).isEmpty();
    }

    @Test
    void withoutKeyedTheConsumerAlsoGetsTheNamedStreamWhoseResultsCarryNoKey() throws Exception {
        route("overshoot:cameras?intervalSeconds=0.2");
        String named = connectedStream();
        frame("cam-1");

        String keyed = awaitStreamOf("cam-1");

        assertThat(keyed).isNotEqualTo(named);
        await().atMost(WAIT).until(() -> getMockEndpoint("mock:results").getExchanges().stream()
                .map(Exchange::getMessage).anyMatch(m -> named.equals(m.getHeader(OvershootConstants.STREAM_ID))
                        && !m.getHeaders().containsKey(OvershootConstants.STREAM_KEY)));
    }

    @Test
    void theLastRouteOfTheNameToStopClosesItsKeyedStreams() throws Exception {
        route("overshoot:cameras?keyed=true&intervalSeconds=0.2");
        frame("cam-1");
        String stream = awaitStreamOf("cam-1");

        context.getRouteController().stopRoute("consumer");
        assertThat(snapshot(stream).ended()).isFalse();
        context.getRouteController().stopRoute("producer");

        assertThat(snapshot(stream).endReason()).isEqualTo("client_requested");
        assertThat(closed("stopped")).isEqualTo(1);
    }

    /** A producer route direct:frames and a consumer route to mock:results, both on {@code uri}. */
    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:frames").routeId("producer").to(uri);
                from(uri).routeId("consumer").to("mock:results");
            }
        });
    }

    private Exchange frame(String key) {
        return template.send("direct:frames", e -> {
            e.getMessage().setBody(TestImages.solid(64, 48, "red"));
            e.getMessage().setHeader(OvershootConstants.STREAM_KEY, key);
        });
    }

    /** The stream the results of the key come from, once one has come. */
    private String awaitStreamOf(String key) {
        MockEndpoint results = getMockEndpoint("mock:results");
        await().atMost(WAIT).until(() -> streamsByKey(results).containsKey(key));
        return streamsByKey(results).get(key);
    }

    /** The stream of the latest result of each key. */
    private static Map<String, String> streamsByKey(MockEndpoint results) {
        Map<String, String> byKey = new HashMap<>();
        for (Exchange exchange : List.copyOf(results.getExchanges())) {
            Message message = exchange.getMessage();
            String key = message.getHeader(OvershootConstants.STREAM_KEY, String.class);
            if (key != null && message.getHeader(OvershootConstants.RESULT_ID) != null) {
                byKey.put(key, message.getHeader(OvershootConstants.STREAM_ID, String.class));
            }
        }
        return byKey;
    }

    /** Whether the consumer received the lifecycle event of the key's stream. */
    private boolean event(String type, String key) {
        return getMockEndpoint("mock:results").getExchanges().stream().map(Exchange::getMessage)
                .anyMatch(m -> type.equals(m.getHeader(OvershootConstants.EVENT_TYPE))
                        && key.equals(m.getHeader(OvershootConstants.STREAM_KEY)));
    }

    private double closed(String reason) {
        return meters.get("camel.overshoot.keyed.streams.closed").tag("streamName", "cameras").tag("reason", reason)
                .counter().count();
    }

    private HealthCheck.Result consumerHealth() {
        return ((HealthCheckAware) context.getRoute("consumer").getConsumer()).getHealthCheck().call();
    }

    private List<StreamSnapshot> active() {
        return emulator.streams().stream().filter(s -> !s.ended()).toList();
    }
}
