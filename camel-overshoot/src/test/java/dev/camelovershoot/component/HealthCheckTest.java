package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.NetworkException;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The consumer's readiness check follows its stream: UP while connected, DOWN with the reason otherwise. */
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
        consume("overshoot:watched?exceptionHandler=#recorder");
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
    void downWithTheReasonWhenTheStreamCannotStart() throws Exception {
        consume("overshoot:unreachable?apiUrl=http://127.0.0.1:1/v0.2&exceptionHandler=#recorder");

        await().atMost(WAIT).until(() -> health().getState() == HealthCheck.State.DOWN
                && health().getMessage().orElse("").startsWith("the stream could not be started: "));
        assertThat(handled).singleElement().isInstanceOf(NetworkException.class);
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
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().equals("consumer:watcher"))
                .findFirst().orElseThrow(() -> new AssertionError("no health check for the consumer"));
    }
}
