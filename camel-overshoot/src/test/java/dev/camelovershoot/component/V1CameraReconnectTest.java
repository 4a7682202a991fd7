package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.RtspServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * v1 with an RTSP camera the component decodes: the camera stops and comes back; its frames flow into the same v1
 * stream again, without a route restart, and the consumer's check is DOWN with the source's error meanwhile.
 */
class V1CameraReconnectTest extends CamelTestSupport {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    private final OvershootEmulator emulator = EMULATOR.emulator();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return V1RoutesTest.pointAtV1(super.createCamelContext(), emulator);
    }

    @Test
    void aCameraThatStopsPublishesIntoTheSameStreamWhenItIsBack() throws Exception {
        int port = CameraReconnectTest.freePort();
        RtspServer camera = CameraReconnectTest.camera(port, dir);
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("overshoot:door?source=rtsp://127.0.0.1:" + port + "/door").routeId("door")
                            .to("mock:answers");
                }
            });
            MockEndpoint answers = getMockEndpoint("mock:answers");
            await().atMost(WAIT).until(() -> answers.getReceivedCounter() >= 1
                                             && health().getState() == HealthCheck.State.UP);
            String streamId = answers.getExchanges().get(0).getMessage()
                    .getHeader(OvershootConstants.STREAM_ID, String.class);

            camera.close();
            await().atMost(WAIT).until(() -> health().getState() == HealthCheck.State.DOWN
                    && health().getMessage().orElse("").startsWith("frame source rtsp://127.0.0.1:" + port));
            assertThat(health().getDetails()).containsEntry("stream.id", streamId).containsKey("error.message");
            long lastBefore = newestFrame(streamId);

            camera = CameraReconnectTest.camera(port, dir);
            await().atMost(WAIT).until(() -> newestFrame(streamId) > lastBefore + 5
                                             && health().getState() == HealthCheck.State.UP);
            assertThat(emulator.v1().status(streamId).path("state").asText()).isEqualTo("active");
            assertThat(context.getRouteController().getRouteStatus("door").isStarted()).isTrue();
        } finally {
            camera.close();
        }
    }

    /** The index of the newest frame the emulator's v1 stream holds, -1 for none. */
    private long newestFrame(String streamId) {
        List<EmulatorFrame> frames = emulator.v1().frames(streamId);
        return frames.isEmpty() ? -1 : frames.get(frames.size() - 1).index();
    }

    private HealthCheck.Result health() {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(result -> result.getCheck().getId().equals("consumer:door"))
                .findFirst().orElseThrow(() -> new AssertionError("no health check for the consumer"));
    }
}
