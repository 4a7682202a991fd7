package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.SourceEndedException;
import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.RtspServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An RTSP camera as a consumer's source that goes away and comes back, or is not there yet when the route starts:
 * the source is reopened with the reconnect backoff on the same Overshoot stream, the health check is DOWN with the
 * source's error meanwhile, and results resume once the camera is back; no route restart, no error for the route.
 */
class CameraReconnectTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    private static final Path RTSP_SERVER_SCRIPT = Path.of("..", "examples", "camera-rtsp", "rtsp-server.py");
    /** Open file descriptors a few failed reopens may differ by: other threads open and close sockets meanwhile. */
    private static final long FD_SLACK = 6;

    @TempDir
    static Path dir;

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    CameraReconnectTest() {
        super(EMULATOR.emulator());
    }

    /** An RTSP camera serving a 10 s green video (again for each client) at the port. */
    static RtspServer camera(int port, Path directory) throws Exception {
        Path file = directory.resolve("door.mp4");
        if (!Files.exists(file)) {
            TestVideos.h264Mp4(file, 10, TestVideos.segments(100, "green"));
        }
        return RtspServer.serve(RTSP_SERVER_SCRIPT, file, port, "door", directory.resolve("rtsp-server.log"));
    }

    @BeforeEach
    void bindRecorder() {
        context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
    }

    @Test
    void aCameraThatStopsIsReopenedAndResultsResumeOnTheSameStream() throws Exception {
        int port = freePort();
        RtspServer camera = camera(port);
        try {
            consume(port);
            MockEndpoint results = getMockEndpoint("mock:door");
            await().atMost(WAIT).until(() -> results.getReceivedCounter() >= 2
                                             && health().getState() == HealthCheck.State.UP);
            String streamId = streamIdOfLastResult(results);

            camera.close();
            await().atMost(WAIT).until(() -> attempts() >= 3);
            HealthCheck.Result down = health();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("frame source rtsp://127.0.0.1:" + port + "/door delivers no frames; reopening it"));
            assertThat(down.getDetails()).containsEntry("stream.state", "RECONNECTING")
                    .containsEntry("stream.id", streamId).containsKey("error.message");
            long fds = openFileDescriptors();
            int attempts = attempts();
            await().atMost(WAIT).until(() -> attempts() >= attempts + 5);
            assertThat(openFileDescriptors()).as("fds after 5 more failed reopens").isLessThanOrEqualTo(fds + FD_SLACK);

            camera = camera(port);
            long before = results.getReceivedCounter();
            await().atMost(WAIT).until(() -> results.getReceivedCounter() >= before + 2
                                             && health().getState() == HealthCheck.State.UP);
            assertThat(streamIdOfLastResult(results)).as("the same Overshoot stream").isEqualTo(streamId);
            assertThat(emulator.streams()).singleElement().satisfies(stream -> assertThat(stream.ended()).isFalse());
            assertThat(context.getRouteController().getRouteStatus("door").isStarted()).isTrue();
            assertThat(handled).isEmpty();
        } finally {
            camera.close();
        }
    }

    @Test
    void aCameraDownAtStartIsWaitedFor() throws Exception {
        int port = freePort();
        consume(port);
        await().atMost(WAIT).until(() -> attempts() >= 2);
        assertThat(health().getState()).isEqualTo(HealthCheck.State.DOWN);
        MockEndpoint results = getMockEndpoint("mock:door");
        assertThat(results.getReceivedCounter()).isZero();

        try (RtspServer camera = camera(port)) {
            await().atMost(WAIT).until(() -> results.getReceivedCounter() >= 2
                                             && health().getState() == HealthCheck.State.UP);
            assertThat(handled).isEmpty();
        }
    }

    @Test
    void aCameraThatStaysAwayEndsTheStreamOnceReconnectMaxAttemptsAreSpent() throws Exception {
        int port = freePort();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:door?reconnectMaxAttempts=3&exceptionHandler=#recorder&source=rtsp://127.0.0.1:" + port
                     + "/door").routeId("door").to("mock:door");
            }
        });

        await().atMost(WAIT).until(() -> !handled.isEmpty());
        assertThat(handled).singleElement().isInstanceOf(SourceEndedException.class);
        assertThat(handled.get(0)).hasMessageContaining("gave up after 3 attempts (reconnectMaxAttempts)");
        await().atMost(WAIT).until(() -> "ENDED".equals(health().getDetails().get("stream.state")));
    }

    private static RtspServer camera(int port) throws Exception {
        return camera(port, dir);
    }

    private void consume(int port) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:door?intervalSeconds=0.5&exceptionHandler=#recorder&source=rtsp://127.0.0.1:" + port
                     + "/door").routeId("door").to("mock:door");
            }
        });
    }

    private static String streamIdOfLastResult(MockEndpoint results) {
        List<org.apache.camel.Exchange> received = results.getExchanges();
        return received.get(received.size() - 1).getMessage().getHeader(OvershootConstants.STREAM_ID, String.class);
    }

    /** The source's reopen attempt while it is down, 0 while frames flow. */
    private int attempts() {
        HealthCheck.Result result = health();
        Object message = result.getMessage().orElse("");
        return message.toString().startsWith("frame source")
                ? ((Number) result.getDetails().getOrDefault("reconnect.attempts", 0)).intValue() : 0;
    }

    private HealthCheck.Result health() {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(result -> result.getCheck().getId().equals("consumer:door"))
                .findFirst().orElseThrow(() -> new AssertionError("no health check for the consumer"));
    }

    static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
