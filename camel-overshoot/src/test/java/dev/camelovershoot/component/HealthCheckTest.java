package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.AuthenticationException;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The readiness checks follow their stream: UP while connected, DOWN with the reason and last error otherwise. */
class HealthCheckTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    HealthCheckTest() {
        super(EMULATOR.emulator());
    }

    @BeforeEach
    void bindRecorder() {
        context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
    }

    @Test
    void upWhileConnectedThenDownWithTheReasonTheStreamEnded() throws Exception {
        consume("overshoot:watched?recreateOnStreamLoss=false&exceptionHandler=#recorder");
        String streamId = connectedStream();
        await().atMost(WAIT).until(() -> health().getState() == HealthCheck.State.UP);
        assertThat(health().getDetails()).containsEntry("stream.name", "watched").containsEntry("stream.id", streamId)
                .containsEntry("route.id", "watcher");

        emulator.faults().endStream(streamId, "lease_expired");

        await().atMost(WAIT).until(() -> health().getState() == HealthCheck.State.DOWN);
        assertThat(health().getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("stream " + streamId + " ended: lease_expired"));
    }

    @Test
    void aRouteStartedWhileTheServiceIsDownIsDownWithTheErrorUntilTheServiceComesUp() throws Exception {
        int port = freePort();
        consume("overshoot:later?apiUrl=http://127.0.0.1:" + port + "/v0.2&exceptionHandler=#recorder");

        await().atMost(WAIT).until(() -> health().getState() == HealthCheck.State.DOWN
                && ((Number) health().getDetails().getOrDefault("reconnect.attempts", 0)).intValue() >= 2);
        HealthCheck.Result down = health();
        assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("not connected, trying again (attempt "));
        assertThat(down.getDetails()).containsKey("stream.down.ms").containsEntry("stream.state", "RECONNECTING")
                .hasEntrySatisfying("error.message", error -> assertThat(error.toString()).contains("POST /streams"));
        assertThat(handled).isEmpty();

        try (OvershootEmulator later = OvershootEmulator.builder().port(port).build().start()) {
            await().atMost(WAIT).until(() -> health().getState() == HealthCheck.State.UP);
            assertThat(later.streams()).singleElement().satisfies(stream -> assertThat(stream.ended()).isFalse());
            context.getRouteController().stopRoute("watcher");
        }
        assertThat(handled).isEmpty();
    }

    @Test
    void aRejectedKeyEndsTheStreamThroughTheExceptionHandlerAndTheCheckShowsIt() throws Exception {
        consume("overshoot:refused?apiKey=ovs_not_a_key&exceptionHandler=#recorder");

        await().atMost(WAIT).until(() -> !handled.isEmpty());
        assertThat(handled).singleElement().isInstanceOf(AuthenticationException.class);
        await().atMost(WAIT).until(() -> health().getState() == HealthCheck.State.DOWN
                && health().getError().isPresent());
        assertThat(health().getError()).containsInstanceOf(AuthenticationException.class);
        assertThat(health().getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("the stream ended: error (The API key was rejected"));
        assertThat(health().getDetails()).containsEntry("stream.state", "ENDED");
    }

    @Test
    void theProducerCheckFollowsItsStreamToo() throws Exception {
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        producers.setEnabled(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:frames").routeId("publisher").to("overshoot:published");
            }
        });

        await().atMost(WAIT).until(() -> producerHealth().getState() == HealthCheck.State.UP);
        String streamId = activeStream();
        assertThat(producerHealth().getDetails()).containsEntry("stream.name", "published")
                .containsEntry("stream.id", streamId).containsEntry("route.id", "publisher");

        emulator.faults().restartLosingState();

        await().atMost(WAIT).until(() -> producerHealth().getState() == HealthCheck.State.UP
                && !streamId.equals(producerHealth().getDetails().get("stream.id")));
        context.getRouteController().stopRoute("publisher");
        assertThat(producers.stream()).noneMatch(check -> check.getId().equals("producer:overshoot-publisher"));
    }

    private HealthCheck.Result producerHealth() {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(result -> result.getCheck().getId().equals("producer:overshoot-publisher"))
                .findFirst().orElseThrow(() -> new AssertionError("no health check for the producer"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("watcher").to("mock:watched");
            }
        });
    }

    /** The consumers repository wraps each consumer's own check under the id consumer:routeId. */
    private HealthCheck.Result health() {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(result -> result.getCheck().getId().equals("consumer:watcher"))
                .findFirst().orElseThrow(() -> new AssertionError("no health check for the consumer"));
    }
}
